// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {WorldTest} from "../utils/WorldTest.sol";
import {IAaveV2AToken, IAaveV2LendingPool} from "../utils/interfaces/IAaveV2.sol";
import {IAaveOracle, IAaveProtocolDataProvider} from "../utils/interfaces/IAaveV3.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";

/// @notice Proves the world's Aave V2 market works as mainnet's: the demo positions, the full lending cycle,
/// aToken permits and oracle prices consistent with the pools.
contract AaveV2WorldTest is WorldTest {
    uint256 internal constant VARIABLE = 2;
    bytes32 internal constant PERMIT_TYPEHASH =
        keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)");

    IAaveV2LendingPool internal pool;
    IAaveProtocolDataProvider internal data;

    function setUp() public override {
        super.setUp();
        pool = IAaveV2LendingPool(AAVE_V2_POOL);
        data = IAaveProtocolDataProvider(AAVE_V2_DATA_PROVIDER);
    }

    function test_DemoAccounts_HoldHealthyPositions() public view {
        (uint256 aliceWeth,,,,,,,,) = data.getUserReserveData(WETH, alice);
        (, uint256 aliceDebt,,,, uint256 aliceHealth) = pool.getUserAccountData(alice);
        assertApproxEqRel(aliceWeth, 10 ether, 1e15, "alice supplies 10 WETH");
        assertEq(aliceDebt, 0, "alice supplies only");
        assertEq(aliceHealth, type(uint256).max, "no debt, infinite health factor");

        (,, uint256 bobVariable,,,,,,) = data.getUserReserveData(USDC, bob);
        (,,,,, uint256 bobHealth) = pool.getUserAccountData(bob);
        assertApproxEqRel(bobVariable, 10_000e6, 1e15, "bob owes 10,000 USDC at the variable rate");
        assertGt(bobHealth, 1.5e18, "bob is healthy");

        (, uint256 carolStable, uint256 carolVariable,,,,,,) = data.getUserReserveData(DAI, carol);
        (uint256 carolWbtc,,,,,,,,) = data.getUserReserveData(WBTC, carol);
        (,,,,, uint256 carolHealth) = pool.getUserAccountData(carol);
        assertApproxEqRel(carolStable, 15_000e18, 1e15, "carol owes 15,000 DAI at the stable rate");
        assertEq(carolVariable, 0, "carol has no variable DAI debt");
        assertEq(carolWbtc, 1e8, "carol supplies 1 WBTC");
        assertGt(carolHealth, 1.5e18, "carol is healthy");
    }

    function test_SupplyBorrowRepayWithdraw_FullCycle() public {
        uint256 usdcBefore = IERC20Minimal(USDC).balanceOf(alice);
        vm.startPrank(alice);
        IERC20Minimal(USDC).approve(AAVE_V2_POOL, 10_000e6);
        pool.deposit(USDC, 10_000e6, alice, 0);
        pool.borrow(DAI, 2_000e18, VARIABLE, 0, alice);
        assertEq(IERC20Minimal(aaveV2Reserve("DAI").variableDebtToken).balanceOf(alice), 2_000e18, "debt opened");

        skip(30 days);
        IERC20Minimal(DAI).approve(AAVE_V2_POOL, type(uint256).max);
        uint256 repaid = pool.repay(DAI, type(uint256).max, VARIABLE, alice);
        pool.withdraw(USDC, type(uint256).max, alice);
        vm.stopPrank();

        assertGt(repaid, 2_000e18, "a month of variable interest accrued");
        assertEq(IERC20Minimal(aaveV2Reserve("DAI").variableDebtToken).balanceOf(alice), 0, "debt closed");
        assertEq(IERC20Minimal(aaveV2Reserve("USDC").aToken).balanceOf(alice), 0, "supply withdrawn");
        assertGe(IERC20Minimal(USDC).balanceOf(alice), usdcBefore, "alice got her USDC back with interest");
    }

    function test_ATokenPermit_SetsAllowanceFromSignature() public {
        IAaveV2AToken aWeth = IAaveV2AToken(aaveV2Reserve("WETH").aToken);
        uint256 deadline = block.timestamp + 1 hours;
        bytes32 digest = keccak256(
            abi.encodePacked(
                "\x19\x01",
                aWeth.DOMAIN_SEPARATOR(),
                keccak256(abi.encode(PERMIT_TYPEHASH, alice, bob, 5 ether, aWeth._nonces(alice), deadline))
            )
        );
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(aliceKey, digest);

        aWeth.permit(alice, bob, 5 ether, deadline, v, r, s);

        assertEq(aWeth.allowance(alice, bob), 5 ether, "permit granted bob 5 aWETH");
        assertEq(aWeth._nonces(alice), 1, "nonce consumed");
    }

    function test_Oracle_PricesInEthMatchThePools() public view {
        IAaveOracle oracle = IAaveOracle(AAVE_V2_ORACLE);
        assertEq(oracle.getAssetPrice(WETH), 1 ether, "WETH is 1 ETH");
        assertEq(oracle.getAssetPrice(WBTC), 20 ether, "WBTC is 20 ETH at 60,000 / 3,000");
        assertEq(oracle.getAssetPrice(USDC), uint256(1 ether) / 3000, "USDC is 1/3000 ETH");
    }
}
