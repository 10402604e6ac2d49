// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {WorldTest} from "../utils/WorldTest.sol";
import {
    IAaveOracle,
    IAaveProtocolDataProvider,
    IAaveV3CreditDelegationToken,
    IAaveV3Pool
} from "../utils/interfaces/IAaveV3.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";

/// @notice Proves the world's Aave V3 market: the lending cycle, aToken permit, credit delegation by signature,
/// and the market rules Ferry must respect (caps, isolation, e-mode, a frozen reserve).
contract AaveV3WorldTest is WorldTest {
    uint256 internal constant VARIABLE = 2;
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    IAaveV3Pool internal pool;
    IAaveProtocolDataProvider internal data;

    function setUp() public override {
        super.setUp();
        pool = IAaveV3Pool(AAVE_V3_POOL);
        data = IAaveProtocolDataProvider(AAVE_V3_DATA_PROVIDER);
    }

    function test_SupplyBorrowRepayWithdraw_FullCycle() public {
        address debtToken = aaveV3Reserve("USDC").variableDebtToken;
        vm.startPrank(alice);
        IERC20Minimal(WETH).approve(AAVE_V3_POOL, 5 ether);
        pool.supply(WETH, 5 ether, alice, 0);
        pool.borrow(USDC, 6_000e6, VARIABLE, 0, alice);
        assertEq(IERC20Minimal(debtToken).balanceOf(alice), 6_000e6, "debt opened");

        skip(30 days);
        IERC20Minimal(USDC).approve(AAVE_V3_POOL, type(uint256).max);
        uint256 repaid = pool.repay(USDC, type(uint256).max, VARIABLE, alice);
        pool.withdraw(WETH, type(uint256).max, alice);
        vm.stopPrank();

        assertGt(repaid, 6_000e6, "a month of variable interest accrued");
        assertEq(IERC20Minimal(debtToken).balanceOf(alice), 0, "debt closed");
        assertEq(IERC20Minimal(aaveV3Reserve("WETH").aToken).balanceOf(alice), 0, "supply withdrawn");
    }

    function test_ATokenPermit_SetsAllowanceFromSignature() public {
        IERC20Minimal aUsdc = IERC20Minimal(aaveV3Reserve("USDC").aToken);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                aUsdc.DOMAIN_SEPARATOR(),
                keccak256(abi.encode(PERMIT_TYPEHASH, alice, bob, 1_000e6, aUsdc.nonces(alice), deadline))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);

        aUsdc.permit(alice, bob, 1_000e6, deadline, v, r, s);

        assertEq(aUsdc.allowance(alice, bob), 1_000e6, "permit granted bob 1,000 aUSDC");
        assertEq(aUsdc.nonces(alice), 1, "nonce consumed");
    }

    function test_DelegationWithSig_LetsBobBorrowOnAlicesCollateral() public {
        vm.startPrank(alice);
        IERC20Minimal(WETH).approve(AAVE_V3_POOL, 5 ether);
        pool.supply(WETH, 5 ether, alice, 0);
        vm.stopPrank();
        IAaveV3CreditDelegationToken debt = IAaveV3CreditDelegationToken(aaveV3Reserve("DAI").variableDebtToken);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                debt.DOMAIN_SEPARATOR(),
                keccak256(abi.encode(debt.DELEGATION_WITH_SIG_TYPEHASH(), bob, 1_000e18, debt.nonces(alice), deadline))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);

        debt.delegationWithSig(alice, bob, 1_000e18, deadline, v, r, s);
        uint256 bobDaiBefore = IERC20Minimal(DAI).balanceOf(bob);
        vm.prank(bob);
        pool.borrow(DAI, 1_000e18, VARIABLE, 0, alice);

        assertEq(debt.balanceOf(alice), 1_000e18, "the debt is alice's");
        assertEq(IERC20Minimal(DAI).balanceOf(bob) - bobDaiBefore, 1_000e18, "bob received the DAI");
        assertEq(debt.borrowAllowance(alice, bob), 0, "delegation used up");
    }

    function test_FrozenReserve_RejectsSupply() public {
        (,,,,,,,,, bool isFrozen) = data.getReserveConfigurationData(UNI);
        assertTrue(isFrozen, "UNI is frozen");
        vm.startPrank(alice);
        IERC20Minimal(UNI).approve(AAVE_V3_POOL, 1 ether);
        vm.expectRevert(bytes("28")); // Errors.RESERVE_FROZEN
        pool.supply(UNI, 1 ether, alice, 0);
        vm.stopPrank();
    }

    function test_SupplyCap_LeavesFiveWbtcOfRoom() public {
        (uint256 borrowCap, uint256 supplyCap) = data.getReserveCaps(WBTC);
        assertEq(supplyCap, 30, "WBTC supply cap is 30 WBTC");
        assertEq(borrowCap, 15, "WBTC borrow cap is 15 WBTC");
        deal(WBTC, alice, 6e8);
        vm.startPrank(alice);
        IERC20Minimal(WBTC).approve(AAVE_V3_POOL, 6e8);
        vm.expectRevert(bytes("51")); // Errors.SUPPLY_CAP_EXCEEDED
        pool.supply(WBTC, 6e8, alice, 0);
        pool.supply(WBTC, 4e8, alice, 0);
        vm.stopPrank();
        assertEq(IERC20Minimal(aaveV3Reserve("WBTC").aToken).balanceOf(alice), 4e8, "supply under the cap works");
    }

    function test_IsolatedCollateral_BorrowsOnlyStablecoins() public {
        assertEq(data.getDebtCeiling(LINK), 1_000_000_00, "LINK is isolated with a 1M USD debt ceiling");
        deal(LINK, alice, 1_000 ether);
        vm.startPrank(alice);
        IERC20Minimal(LINK).approve(AAVE_V3_POOL, 1_000 ether);
        pool.supply(LINK, 1_000 ether, alice, 0);
        // Isolated collateral is never enabled as a side effect of supply (V3.0.2): the user opts in.
        pool.setUserUseReserveAsCollateral(LINK, true);
        vm.expectRevert(bytes("60")); // Errors.ASSET_NOT_BORROWABLE_IN_ISOLATION
        pool.borrow(WETH, 0.1 ether, VARIABLE, 0, alice);
        pool.borrow(USDC, 1_000e6, VARIABLE, 0, alice);
        vm.stopPrank();
        assertEq(IERC20Minimal(aaveV3Reserve("USDC").variableDebtToken).balanceOf(alice), 1_000e6, "USDC borrowed");
    }

    function test_StablecoinEMode_RaisesBorrowingPower() public {
        assertEq(data.getReserveEModeCategory(USDC), 1, "USDC in the stablecoin category");
        assertEq(data.getReserveEModeCategory(DAI), 1, "DAI in the stablecoin category");
        vm.startPrank(alice);
        IERC20Minimal(USDC).approve(AAVE_V3_POOL, 10_000e6);
        pool.supply(USDC, 10_000e6, alice, 0);
        (,,,, uint256 ltvBefore,) = pool.getUserAccountData(alice);
        pool.setUserEMode(1);
        (,,,, uint256 ltvAfter,) = pool.getUserAccountData(alice);
        vm.stopPrank();
        assertEq(ltvBefore, 7700, "USDC's own LTV");
        assertEq(ltvAfter, 9700, "e-mode LTV");
    }

    function test_Oracle_PricesInUsdMatchThePools() public view {
        IAaveOracle oracle = IAaveOracle(AAVE_V3_ORACLE);
        assertEq(oracle.getAssetPrice(WETH), 3000e8, "WETH at 3,000 USD");
        assertEq(oracle.getAssetPrice(WBTC), 60_000e8, "WBTC at 60,000 USD");
        assertEq(oracle.getAssetPrice(DAI), 1e8, "DAI at 1 USD");
    }
}
