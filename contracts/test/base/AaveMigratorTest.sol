// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {IAaveV2ToV3Route} from "../../src/interfaces/routes/IAaveV2ToV3Route.sol";
import {IAaveV2LendingPool} from "../utils/interfaces/IAaveV2.sol";
import {IAaveV3Pool} from "../utils/interfaces/IAaveV3.sol";
import {IERC20Minimal} from "../utils/interfaces/IERC20Minimal.sol";
import {MigratorTest} from "./MigratorTest.sol";
import {Signatures} from "./Signatures.sol";
import {Vm} from "forge-std/Vm.sol";

/// @notice Helpers to open Aave V2 positions and to build `AaveV2ToV3Params` with signatures the way the app does:
/// aToken permits and credit delegations signed a little above the live amounts.
abstract contract AaveMigratorTest is MigratorTest {
    uint256 internal constant STABLE = 1;
    uint256 internal constant VARIABLE = 2;
    /// @dev The app's signature buffer over the live balance or debt: 1%, room for days of interest.
    uint256 internal constant SIGNATURE_BUFFER_BPS = 100;
    /// @dev Time between signing and the transaction being mined, inside the signatures' 20-minute deadline.
    uint256 internal constant SIGN_TO_SEND_DELAY = 15 minutes;

    IAaveV2LendingPool internal aaveV2;
    IAaveV3Pool internal aaveV3;

    function setUp() public virtual override {
        super.setUp();
        aaveV2 = IAaveV2LendingPool(AAVE_V2_POOL);
        aaveV3 = IAaveV3Pool(AAVE_V3_POOL);
    }

    // ---------------------------------------------------------------- positions

    /// @notice `user` deposits `amount` of `asset` (dealt to them) into Aave V2.
    function _depositV2(address user, address asset, uint256 amount) internal {
        deal(asset, user, IERC20Minimal(asset).balanceOf(user) + amount);
        vm.startPrank(user);
        IERC20Minimal(asset).approve(AAVE_V2_POOL, amount);
        aaveV2.deposit(asset, amount, user, 0);
        vm.stopPrank();
    }

    function _borrowV2(address user, address asset, uint256 amount, uint256 rateMode) internal {
        vm.prank(user);
        aaveV2.borrow(asset, amount, rateMode, 0, user);
    }

    // ---------------------------------------------------------------- balances

    function _v2Supply(address user, address asset) internal view returns (uint256) {
        return IERC20Minimal(_v2Token(asset, ".aToken")).balanceOf(user);
    }

    function _v3Supply(address user, address asset) internal view returns (uint256) {
        return IERC20Minimal(_v3Token(asset, ".aToken")).balanceOf(user);
    }

    /// @notice Stable plus variable V2 debt.
    function _v2Debt(address user, address asset) internal view returns (uint256) {
        return IERC20Minimal(_v2Token(asset, ".stableDebtToken")).balanceOf(user)
            + IERC20Minimal(_v2Token(asset, ".variableDebtToken")).balanceOf(user);
    }

    function _v3VariableDebt(address user, address asset) internal view returns (uint256) {
        return IERC20Minimal(_v3Token(asset, ".variableDebtToken")).balanceOf(user);
    }

    function _v2Token(address asset, string memory kind) internal view returns (address) {
        return _address(string.concat(".aaveV2.reserves.", _symbol(asset), kind));
    }

    function _v3Token(address asset, string memory kind) internal view returns (address) {
        return _address(string.concat(".aaveV3.reserves.", _symbol(asset), kind));
    }

    function _symbol(address asset) internal view returns (string memory) {
        return asset == WETH
            ? "WETH"
            : asset == USDC ? "USDC" : asset == DAI ? "DAI" : asset == WBTC ? "WBTC" : asset == LINK ? "LINK" : "UNI";
    }

    // ---------------------------------------------------------------- params and signatures

    /// @notice Params moving `collateral` and `debt` of the key's owner, every leg signed with the buffer.
    function _signedParams(uint256 userKey, address[] memory collateral, address[] memory debt)
        internal
        view
        returns (IAaveV2ToV3Route.AaveV2ToV3Params memory params)
    {
        address user = vm.addr(userKey);
        params.collateral = new IAaveV2ToV3Route.AaveCollateral[](collateral.length);
        for (uint256 i; i < collateral.length; ++i) {
            params.collateral[i] = IAaveV2ToV3Route.AaveCollateral({
                asset: collateral[i],
                permit: _signATokenPermit(userKey, collateral[i], _withBuffer(_v2Supply(user, collateral[i])))
            });
        }
        params.debt = new IAaveV2ToV3Route.AaveDebt[](debt.length);
        for (uint256 i; i < debt.length; ++i) {
            params.debt[i] = IAaveV2ToV3Route.AaveDebt({
                asset: debt[i], delegation: _signDelegation(userKey, debt[i], _withBuffer(_v2Debt(user, debt[i])))
            });
        }
        params.minHealthFactor = 1e18;
    }

    function _withBuffer(uint256 amount) internal pure returns (uint256) {
        return amount + amount * SIGNATURE_BUFFER_BPS / 10_000;
    }

    /// @notice An EIP-2612 permit on `asset`'s V2 aToken for the Migrator.
    function _signATokenPermit(uint256 ownerKey, address asset, uint256 value)
        internal
        view
        returns (IMigrator.PermitSignature memory)
    {
        return Signatures.aTokenPermit(ownerKey, _v2Token(asset, ".aToken"), address(migrator), value, _deadline());
    }

    /// @notice A `delegationWithSig` on `asset`'s V3 variable debt token, delegating `value` to the Migrator.
    function _signDelegation(uint256 delegatorKey, address asset, uint256 value)
        internal
        view
        returns (IMigrator.PermitSignature memory)
    {
        return Signatures.creditDelegation(
            delegatorKey, _v3Token(asset, ".variableDebtToken"), address(migrator), value, _deadline()
        );
    }

    function _aaveBatch(IAaveV2ToV3Route.AaveV2ToV3Params memory params)
        internal
        pure
        returns (IMigrator.Position[] memory)
    {
        IMigrator.Position[] memory positions = new IMigrator.Position[](1);
        positions[0] = _aavePosition(params);
        return positions;
    }

    function _aavePosition(IAaveV2ToV3Route.AaveV2ToV3Params memory params)
        internal
        pure
        returns (IMigrator.Position memory)
    {
        return IMigrator.Position({route: IMigrator.Route.AaveV2ToV3, params: abi.encode(params)});
    }

    function _assets(address a) internal pure returns (address[] memory assets) {
        assets = new address[](1);
        assets[0] = a;
    }

    function _assets(address a, address b) internal pure returns (address[] memory assets) {
        assets = new address[](2);
        (assets[0], assets[1]) = (a, b);
    }

    function _noAssets() internal pure returns (address[] memory) {
        return new address[](0);
    }

    // ---------------------------------------------------------------- execution

    /// @notice Runs `migrate` as `user` and returns the payloads of its `LendingMigrated` events, in order.
    function _migrateLending(address user, IMigrator.Position[] memory positions)
        internal
        returns (IMigrator.LendingMigration[] memory migrations)
    {
        vm.recordLogs();
        vm.prank(user);
        migrator.migrate(positions, _deadline(), false);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        migrations = new IMigrator.LendingMigration[](logs.length);
        uint256 found;
        for (uint256 i; i < logs.length; ++i) {
            if (logs[i].emitter == address(migrator) && logs[i].topics[0] == IMigrator.LendingMigrated.selector) {
                assertEq(logs[i].topics[1], bytes32(uint256(uint160(user))), "LendingMigrated: user topic");
                assertEq(
                    logs[i].topics[2], bytes32(uint256(IMigrator.Route.AaveV2ToV3)), "LendingMigrated: route topic"
                );
                assertEq(logs[i].topics[3], bytes32(uint256(uint160(AAVE_V2_POOL))), "LendingMigrated: source topic");
                migrations[found++] = abi.decode(logs[i].data, (IMigrator.LendingMigration));
            }
        }
        assembly ("memory-safe") {
            mstore(migrations, found)
        }
    }

    function _migrateAave(address user, IAaveV2ToV3Route.AaveV2ToV3Params memory params)
        internal
        returns (IMigrator.LendingMigration memory)
    {
        IMigrator.LendingMigration[] memory migrations = _migrateLending(user, _aaveBatch(params));
        assertEq(migrations.length, 1, "one LendingMigrated event");
        return migrations[0];
    }

    // ---------------------------------------------------------------- checks

    /// @notice Asserts the Migrator holds none of the Aave assets, their V2 aTokens or ETH.
    function _assertMigratorHoldsNoAaveAsset() internal view {
        address[6] memory assets = [WETH, USDC, DAI, WBTC, LINK, UNI];
        for (uint256 i; i < assets.length; ++i) {
            assertEq(IERC20Minimal(assets[i]).balanceOf(address(migrator)), 0, "Migrator holds an asset");
            assertEq(_v2Supply(address(migrator), assets[i]), 0, "Migrator holds a V2 aToken");
            assertEq(_v3Supply(address(migrator), assets[i]), 0, "Migrator holds a V3 aToken");
        }
        assertEq(address(migrator).balance, 0, "Migrator holds ETH");
    }
}
