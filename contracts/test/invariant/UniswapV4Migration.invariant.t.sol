// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {V4MigratorTest} from "../base/V4MigratorTest.sol";
import {IPermit2} from "../utils/interfaces/IUniswapV4.sol";
import {UniswapV4MigrationHandler} from "./UniswapV4MigrationHandler.sol";
import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {TransientStateLibrary} from "@uniswap/v4-core/src/libraries/TransientStateLibrary.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice After any sequence of V3 → V4 and V2 → V4 migrations (half of them faulty on purpose, each required to
/// revert with its typed error), with ETH sent along and V4 swaps in between: neither the Migrator nor the V4
/// PositionManager holds a token, ETH or an ERC-6909 claim, no currency delta is left open at the PoolManager, and the
/// Migrator has no allowance standing, Permit2's included.
/// @dev `fail_on_revert` (foundry.toml): any call the handler did not expect to revert fails the campaign.
contract UniswapV4MigrationInvariantTest is V4MigratorTest {
    using TransientStateLibrary for IPoolManager;

    UniswapV4MigrationHandler internal handler;
    address[3] internal currencies;

    function setUp() public override {
        super.setUp();
        address[] memory actors = new address[](3);
        uint256[] memory keys = new uint256[](3);
        (actors[0], actors[1], actors[2]) = (alice, bob, carol);
        (keys[0], keys[1], keys[2]) = (aliceKey, bobKey, carolKey);
        PoolKey[] memory pools = new PoolKey[](2);
        (pools[0], pools[1]) = (_v4Key("WETH_USDC_3000"), _v4Key("ETH_USDC_500"));
        handler =
            new UniswapV4MigrationHandler(migrator, wethUsdcPair, IPoolManager(V4_POOL_MANAGER), pools, actors, keys);
        currencies = [address(0), WETH, USDC];

        bytes4[] memory selectors = new bytes4[](3);
        selectors[0] = UniswapV4MigrationHandler.migrateV3.selector;
        selectors[1] = UniswapV4MigrationHandler.migrateV2.selector;
        selectors[2] = UniswapV4MigrationHandler.swapV4.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
        targetContract(address(handler));
    }

    /// @dev One invariant checking every property after every call (see `Migrator.invariant.t.sol`).
    function invariant_V4MigrationsLeaveNothingBehind() public view {
        address[2] memory holders = [address(migrator), V4_POSITION_MANAGER];
        IPoolManager poolManager = IPoolManager(V4_POOL_MANAGER);
        for (uint256 h; h < holders.length; ++h) {
            address holder = holders[h];
            assertEq(holder.balance, 0, "holds ETH");
            assertEq(IERC20(wethUsdcPair).balanceOf(holder), 0, "holds V2 LP");
            for (uint256 c; c < currencies.length; ++c) {
                Currency currency = Currency.wrap(currencies[c]);
                if (!currency.isAddressZero()) assertEq(IERC20(currencies[c]).balanceOf(holder), 0, "holds a token");
                assertEq(poolManager.balanceOf(holder, currency.toId()), 0, "holds an ERC-6909 claim");
                assertEq(poolManager.currencyDelta(holder, currency), 0, "left a currency delta open");
            }
        }
        assertEq(poolManager.getNonzeroDeltaCount(), 0, "the PoolManager has open deltas");
        _assertNoStandingAllowance();
    }

    /// @dev Every ERC-20 approval the Migrator ever gave during the campaign (read from logs), and Permit2's
    /// allowances to the V4 PositionManager, are spent: the V4 routes pay by transfer, never by allowance.
    function _assertNoStandingAllowance() internal view {
        (address token, address spender, uint256 allowance) = handler.standingApproval(address(migrator), address(0));
        assertEq(allowance, 0, string.concat("allowance left on ", vm.toString(token), " to ", vm.toString(spender)));
        for (uint256 c = 1; c < currencies.length; ++c) {
            (uint160 amount,,) = IPermit2(PERMIT2).allowance(address(migrator), currencies[c], V4_POSITION_MANAGER);
            assertEq(amount, 0, "Permit2 allowance to the V4 PositionManager");
        }
    }

    /// @dev The campaign must have migrated, or the properties above were never put to the test.
    function afterInvariant() public view {
        assertGt(handler.ghostMigrations(), 0, "no migration succeeded");
    }
}
