// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {IAaveV3Pool} from "../src/interfaces/external/IAaveV3Pool.sol";
import {IAaveV2ToV3Route} from "../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {AaveMigratorTest} from "./base/AaveMigratorTest.sol";
import {IAaveV3CreditDelegation} from "./base/ProtocolInterfaces.sol";
import {IAaveV2AToken} from "./utils/interfaces/IAaveV2.sol";
import {IAaveV3CreditDelegationToken} from "./utils/interfaces/IAaveV3.sol";
import {IERC20Minimal} from "./utils/interfaces/IERC20Minimal.sol";

/// @notice The threats of notes/security.md that apply to the Aave route (callbacks, foreign, stale, expired,
/// replayed and front-run signatures), attempted against the real Aave V2 and V3 markets.
contract AaveV2ToV3AttackTest is AaveMigratorTest {
    address internal attacker;

    function setUp() public override {
        super.setUp();
        attacker = makeAddr("attacker");
    }

    // ---------------------------------------------------------------- flash-loan callback

    function test_RevertWhen_ExecuteOperationCalledDirectly() public {
        (address[] memory assets, uint256[] memory amounts, uint256[] memory modes) = _loan(USDC, 1_000e6, 0);
        vm.expectRevert(abi.encodeWithSelector(IAaveV2ToV3Route.UnexpectedFlashLoan.selector, attacker, attacker));
        vm.prank(attacker);
        migrator.executeOperation(assets, amounts, modes, attacker, "");
    }

    function test_RevertWhen_AttackerFlashLoansToTheMigrator() public {
        // Bob left a credit delegation to the Migrator: the attacker tries to make Bob borrow through it.
        vm.prank(bob);
        IAaveV3CreditDelegation(_v3Token(USDC, ".variableDebtToken")).approveDelegation(address(migrator), 10_000e6);
        for (uint256 mode; mode <= VARIABLE; mode += VARIABLE) {
            (address[] memory assets, uint256[] memory amounts, uint256[] memory modes) = _loan(USDC, 1_000e6, mode);
            vm.expectRevert(
                abi.encodeWithSelector(IAaveV2ToV3Route.UnexpectedFlashLoan.selector, AAVE_V3_POOL, attacker)
            );
            vm.prank(attacker);
            IAaveV3Pool(AAVE_V3_POOL).flashLoan(address(migrator), assets, amounts, modes, bob, "", 0);
        }
        assertEq(_v3VariableDebt(bob, USDC), 0, "bob owes nothing on V3");
    }

    /// @dev Even a callback from the pool naming the Migrator as initiator is refused outside a migration.
    function test_RevertWhen_PoolCallsBackOutsideAMigration() public {
        (address[] memory assets, uint256[] memory amounts, uint256[] memory modes) = _loan(USDC, 1_000e6, 0);
        vm.expectRevert(
            abi.encodeWithSelector(IAaveV2ToV3Route.UnexpectedFlashLoan.selector, AAVE_V3_POOL, address(migrator))
        );
        vm.prank(AAVE_V3_POOL);
        migrator.executeOperation(assets, amounts, modes, address(migrator), "");
    }

    // ---------------------------------------------------------------- foreign signatures and allowances

    function test_RevertWhen_DelegationSignedByAnotherUser() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        params.debt[0].delegation = _signDelegation(carolKey, USDC, 20_000e6);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMigrator.InsufficientAllowance.selector, _v3Token(USDC, ".variableDebtToken"), 0, _v2Debt(bob, USDC)
            )
        );
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    /// @dev The attacker copies a victim's signed params, and the victim also left standing approvals: Ferry
    /// only ever moves the caller's own positions.
    function test_RevertWhen_AttackerSubmitsTheVictimsSignedParams() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        vm.startPrank(bob);
        IERC20Minimal(_v2Token(WETH, ".aToken")).approve(address(migrator), type(uint256).max);
        IAaveV3CreditDelegation(_v3Token(USDC, ".variableDebtToken")).approveDelegation(address(migrator), 20_000e6);
        vm.stopPrank();
        (uint256 supply, uint256 debt) = (_v2Supply(bob, WETH), _v2Debt(bob, USDC));

        vm.expectRevert(
            abi.encodeWithSelector(IMigrator.NothingToMigrate.selector, _v2Token(USDC, ".variableDebtToken"))
        );
        vm.prank(attacker);
        migrator.migrate(_aaveBatch(params), _deadline(), false);

        assertEq(_v2Supply(bob, WETH), supply, "victim's supply untouched");
        assertEq(_v2Debt(bob, USDC), debt, "victim's debt untouched");
    }

    function test_RevertWhen_DelegationExpired() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        vm.warp(params.debt[0].delegation.deadline + 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMigrator.InsufficientAllowance.selector, _v3Token(USDC, ".variableDebtToken"), 0, _v2Debt(bob, USDC)
            )
        );
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), block.timestamp + 1, false);
    }

    function test_RevertWhen_DelegationReplayed() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        _migrateAave(bob, params);
        address debtToken = _v3Token(USDC, ".variableDebtToken");
        uint256 leftover = IAaveV3CreditDelegationToken(debtToken).borrowAllowance(bob, address(migrator));
        assertLt(leftover, _withBuffer(10_000e6) - 10_000e6 + 1, "only the buffer is left delegated");
        // Bob opens a new V2 position and replays the used signature for it.
        _depositV2(bob, WETH, 10 ether);
        _borrowV2(bob, USDC, 5_000e6, VARIABLE);

        vm.expectRevert(abi.encodeWithSelector(IMigrator.InsufficientAllowance.selector, debtToken, leftover, 5_000e6));
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_DelegationSignedForAnotherChain() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        uint256 chainId = block.chainid;
        vm.chainId(10);
        params.debt[0].delegation = _signDelegation(bobKey, USDC, 20_000e6);
        vm.chainId(chainId);
        vm.expectRevert(
            abi.encodeWithSelector(
                IMigrator.InsufficientAllowance.selector, _v3Token(USDC, ".variableDebtToken"), 0, _v2Debt(bob, USDC)
            )
        );
        vm.prank(bob);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    function test_RevertWhen_ATokenPermitMissing() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(aliceKey, _assets(WETH), _noAssets());
        delete params.collateral[0].permit;
        vm.expectRevert(
            abi.encodeWithSelector(
                IMigrator.InsufficientAllowance.selector, _v2Token(WETH, ".aToken"), 0, _v2Supply(alice, WETH)
            )
        );
        vm.prank(alice);
        migrator.migrate(_aaveBatch(params), _deadline(), false);
    }

    // ---------------------------------------------------------------- front-running

    function test_MigrateAave_SucceedsWhenSignaturesFrontRun() public {
        IAaveV2ToV3Route.AaveV2ToV3Params memory params = _signedParams(bobKey, _assets(WETH), _assets(USDC));
        IMigrator.PermitSignature memory p = params.collateral[0].permit;
        IMigrator.PermitSignature memory d = params.debt[0].delegation;
        vm.startPrank(attacker);
        IAaveV2AToken(_v2Token(WETH, ".aToken")).permit(bob, address(migrator), p.value, p.deadline, p.v, p.r, p.s);
        IAaveV3CreditDelegationToken(_v3Token(USDC, ".variableDebtToken"))
            .delegationWithSig(bob, address(migrator), d.value, d.deadline, d.v, d.r, d.s);
        vm.stopPrank();

        _migrateAave(bob, params);

        assertEq(_v2Debt(bob, USDC), 0, "debt migrated despite the front-run");
        assertEq(_v2Supply(bob, WETH), 0, "supply migrated despite the front-run");
    }

    function _loan(address asset, uint256 amount, uint256 mode)
        private
        pure
        returns (address[] memory assets, uint256[] memory amounts, uint256[] memory modes)
    {
        (assets, amounts, modes) = (new address[](1), new uint256[](1), new uint256[](1));
        (assets[0], amounts[0], modes[0]) = (asset, amount, mode);
    }
}
