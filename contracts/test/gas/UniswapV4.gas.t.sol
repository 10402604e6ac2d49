// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../../src/interfaces/IMigrator.sol";
import {
    INonfungiblePositionManager as IV3Positions
} from "../../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "../../src/interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV2ToV4Route} from "../../src/interfaces/routes/IUniswapV2ToV4Route.sol";
import {IUniswapV3ToV4Route} from "../../src/interfaces/routes/IUniswapV3ToV4Route.sol";
import {IUniswapV4DepositRoute} from "../../src/interfaces/routes/IUniswapV4DepositRoute.sol";
import {IPeripheryPaymentsSweep} from "../base/ProtocolInterfaces.sol";
import {Signatures} from "../base/Signatures.sol";
import {V4MigratorTest} from "../base/V4MigratorTest.sol";
import {IUniswapV2Router02} from "../utils/interfaces/IUniswapV2.sol";
import {INonfungiblePositionManager as INpm} from "../utils/interfaces/IUniswapV3.sol";
import {
    IPermit2,
    IUniversalRouter,
    IV4PoolManager,
    IV4PositionManager,
    IV4StateView,
    PoolKey
} from "../utils/interfaces/IUniswapV4.sol";
import {GasTable} from "./GasTable.sol";
import {V4MigrationFloor} from "./V4MigrationFloor.sol";
import {IHooks} from "@uniswap/v4-core/src/interfaces/IHooks.sol";
import {TickMath} from "@uniswap/v4-core/src/libraries/TickMath.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolKey as CorePoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {LiquidityAmounts} from "@uniswap/v4-periphery/src/libraries/LiquidityAmounts.sol";
import {stdJson} from "forge-std/StdJson.sol";
import {console} from "forge-std/console.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Migrations into Uniswap V4, one run on the same world and the same position for every contender: Ferry,
/// UniversalRouter as Uniswap's v4 SDK builds it (`migrateV3ToV4CallParameters`), the manual path (the user's own
/// transactions, as Uniswap's apps send them), and the protocol floor (V4MigrationFloor).
/// @dev Run with `--isolate` (`npm run bench:gas`) so each call is its own transaction with realistic cold/warm
/// access and refunds. Each case restores the same state before every contender. The source is alice's in-range
/// V3 WETH/USDC 0.05 % position, with the fees the world's round trip left in it; every contender mints the same
/// full-range V4 liquidity, sized from what leaves the source.
contract UniswapV4GasTest is V4MigratorTest {
    using stdJson for string;

    /// @dev v4-periphery Actions.sol and ActionConstants.sol.
    uint8 internal constant MINT_POSITION = 0x02;
    uint8 internal constant SETTLE = 0x0b;
    uint8 internal constant SETTLE_PAIR = 0x0d;
    uint8 internal constant SWEEP = 0x14;
    uint8 internal constant UNWRAP = 0x16;
    uint256 internal constant OPEN_DELTA = 0;
    address internal constant MSG_SENDER = address(1);
    /// @dev universal-router Commands.sol.
    uint8 internal constant V3_POSITION_MANAGER_PERMIT = 0x11;
    uint8 internal constant V3_POSITION_MANAGER_CALL = 0x12;
    uint8 internal constant V4_INITIALIZE_POOL = 0x13;
    uint8 internal constant V4_POSITION_MANAGER_CALL = 0x14;

    /// @dev A fixed deadline keeps the signed bytes, hence calldata gas, independent of when the world was built.
    uint256 internal constant FIXED_DEADLINE = 2_000_000_000;
    uint16 internal constant ALL = 10_000;
    uint16 internal constant HALF = 5000;

    struct Row {
        string name;
        uint256 ferry;
        /// @dev Zero where a contender cannot make the migration.
        uint256 universalRouter;
        uint256 manual;
        uint256 floor;
    }

    /// @notice A V4 destination: its pool, the full range, and the price it has (or is initialised at).
    struct Destination {
        PoolKey key;
        int24 tickLower;
        int24 tickUpper;
        uint160 sqrtPriceX96;
        bool initialize;
    }

    /// @notice What leaves the source, in the V4 pool's currency order (WETH counted for ETH), and the V4 liquidity
    /// every contender mints from it. `v3Liquidity` and the principal (in the V3 pool's order) are the V3 decrease's.
    struct Migration {
        uint128 v3Liquidity;
        uint256 principal0;
        uint256 principal1;
        uint256 amount0;
        uint256 amount1;
        uint128 liquidity;
    }

    Row[] internal rows;
    V4MigrationFloor internal floor;
    INpm internal npm;
    IV4PositionManager internal positionManager;
    uint256 internal v3TokenId;

    function test_Gas_V4Table() public {
        npm = INpm(V3_NPM);
        positionManager = IV4PositionManager(V4_POSITION_MANAGER);
        floor = new V4MigrationFloor(npm, IV4PoolManager(V4_POOL_MANAGER), positionManager);
        v3TokenId = addressesJson.readUint(string.concat(chainKey, ".uniswapV3.positions.alice_WETH_USDC_500"));

        _v3Case("V3 -> V4 100% full range, existing hookless pool", _existingPool(), ALL, "v3ToV4_full");
        _v3Case("V3 -> V4 100% full range, pool initialised in the tx", _newPool(), ALL, "v3ToV4_newPool");
        _v3Case("V3 WETH/USDC -> V4 native ETH/USDC pool", _nativePool(), ALL, "v3ToV4_native");
        _v3Case("V3 -> V4 50% (UniversalRouter cannot)", _existingPool(), HALF, "v3ToV4_half");
        _v2Case("V2 LP -> V4 100% full range (UniversalRouter cannot)", _existingPool(), "v2ToV4_full");

        console.log(
            "| case | Ferry | UniversalRouter (v4 SDK) | manual (separate txs) | protocol floor | Ferry/UniversalRouter | floor/UniversalRouter | Ferry - floor | Ferry/manual |"
        );
        console.log("|---|---|---|---|---|---|---|---|---|");
        for (uint256 i; i < rows.length; ++i) {
            _logRow(rows[i]);
            Row memory row = rows[i];
            assertLt(row.floor, row.manual, string.concat("the floor costs less than the manual path: ", row.name));
            assertLt(row.ferry, row.manual, string.concat("Ferry costs less than the manual path: ", row.name));
            if (row.universalRouter == 0) continue;
            assertLt(row.floor, row.universalRouter, string.concat("the floor costs less than UR: ", row.name));
            assertLt(row.universalRouter, row.manual, string.concat("UR costs less than the manual path: ", row.name));
        }
    }

    function _logRow(Row memory row) internal pure {
        bool viaRouter = row.universalRouter != 0;
        console.log(
            string.concat(
                string.concat(
                    "| ",
                    row.name,
                    " | ",
                    vm.toString(row.ferry),
                    " | ",
                    viaRouter ? vm.toString(row.universalRouter) : "-",
                    " | ",
                    vm.toString(row.manual),
                    " | ",
                    vm.toString(row.floor),
                    " | "
                ),
                viaRouter ? GasTable.ratio(row.ferry, row.universalRouter) : "-",
                " | ",
                viaRouter ? GasTable.ratio(row.floor, row.universalRouter) : "-",
                " | ",
                vm.toString(int256(row.ferry) - int256(row.floor)),
                " | ",
                GasTable.ratio(row.ferry, row.manual),
                " |"
            )
        );
    }

    // ---------------------------------------------------------------- cases

    function _v3Case(string memory name, Destination memory destination, uint16 bps, string memory snapshotName)
        internal
    {
        uint256 snapshot = vm.snapshotState();
        Migration memory migration = _v3Migration(destination, bps);
        Row memory row;
        row.name = name;
        row.ferry = _v3Ferry(destination, migration, bps, snapshotName);
        vm.revertToState(snapshot);
        if (bps == ALL) {
            row.universalRouter = _viaUniversalRouter(destination, migration, snapshotName);
            vm.revertToState(snapshot);
        }
        row.floor = _v3Floor(destination, migration, bps == ALL, snapshotName);
        vm.revertToState(snapshot);
        row.manual = _v3Manually(destination, migration, bps == ALL, snapshotName);
        vm.revertToState(snapshot);
        rows.push(row);
    }

    function _v2Case(string memory name, Destination memory destination, string memory snapshotName) internal {
        uint256 snapshot = vm.snapshotState();
        uint256 lpAmount = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        (uint256 amountA, uint256 amountB) = _expectedWithdrawal(wethUsdcPair, lpAmount);
        Migration memory migration =
            _sized(destination, IUniswapV2Pair(wethUsdcPair).token0(), amountA, amountB, 0, 0, 0);
        Row memory row;
        row.name = name;
        row.ferry = _v2Ferry(destination, migration, lpAmount, snapshotName);
        vm.revertToState(snapshot);
        row.floor = _v2Floor(destination, migration, lpAmount, snapshotName);
        vm.revertToState(snapshot);
        row.manual = _v2Manually(destination, migration, lpAmount, snapshotName);
        vm.revertToState(snapshot);
        rows.push(row);
    }

    // ---------------------------------------------------------------- destinations

    function _existingPool() internal view returns (Destination memory) {
        (PoolKey memory key, bytes32 id) = v4Pool("WETH_USDC_3000");
        (uint160 sqrtPriceX96,,,) = IV4StateView(V4_STATE_VIEW).getSlot0(id);
        return _destination(key, sqrtPriceX96, false);
    }

    function _nativePool() internal view returns (Destination memory) {
        (PoolKey memory key, bytes32 id) = v4Pool("ETH_USDC_500");
        (uint160 sqrtPriceX96,,,) = IV4StateView(V4_STATE_VIEW).getSlot0(id);
        return _destination(key, sqrtPriceX96, false);
    }

    /// @dev Hookless WETH/USDC 0.05 %, which the world does not have, initialised at the V3 source pool's price.
    function _newPool() internal view returns (Destination memory) {
        (address currency0, address currency1) = WETH < USDC ? (WETH, USDC) : (USDC, WETH);
        PoolKey memory key = PoolKey(currency0, currency1, 500, 10, address(0));
        (uint160 existing,,,) = IV4StateView(V4_STATE_VIEW).getSlot0(keccak256(abi.encode(key)));
        assertEq(existing, 0, "the new pool does not exist yet");
        (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(v3Pool("WETH_USDC_500")).slot0();
        return _destination(key, sqrtPriceX96, true);
    }

    function _destination(PoolKey memory key, uint160 sqrtPriceX96, bool initialize)
        internal
        pure
        returns (Destination memory)
    {
        int24 upper = TickMath.MAX_TICK / key.tickSpacing * key.tickSpacing;
        return Destination(key, -upper, upper, sqrtPriceX96, initialize);
    }

    // ---------------------------------------------------------------- sizing

    /// @dev A dry run of the V3 withdrawal (decrease `bps` of the liquidity, collect all) as alice, reverted.
    function _v3Migration(Destination memory destination, uint16 bps) internal returns (Migration memory) {
        (,, address token0,,,,, uint128 liquidity,,,,) = npm.positions(v3TokenId);
        uint128 removed = uint128(uint256(liquidity) * bps / ALL);
        uint256 snapshot = vm.snapshotState();
        vm.startPrank(alice);
        (uint256 principal0, uint256 principal1) =
            npm.decreaseLiquidity(IV3Positions.DecreaseLiquidityParams(v3TokenId, removed, 0, 0, FIXED_DEADLINE));
        (uint256 amount0, uint256 amount1) =
            npm.collect(IV3Positions.CollectParams(v3TokenId, alice, type(uint128).max, type(uint128).max));
        vm.stopPrank();
        vm.revertToState(snapshot);
        assertGt(amount0, principal0, "the position holds fees in token0");
        assertGt(amount1, principal1, "the position holds fees in token1");
        return _sized(destination, token0, amount0, amount1, removed, principal0, principal1);
    }

    /// @dev Orders the source's amounts as the V4 pool's currencies and sizes the V4 mint from them.
    function _sized(
        Destination memory destination,
        address sourceToken0,
        uint256 amount0,
        uint256 amount1,
        uint128 v3Liquidity,
        uint256 principal0,
        uint256 principal1
    ) internal pure returns (Migration memory migration) {
        // ETH is currency0 of a native pool: the order stays when the source's token0 is WETH, not currency1.
        bool sameOrder = destination.key.currency0 == address(0)
            ? sourceToken0 != destination.key.currency1
            : destination.key.currency0 == sourceToken0;
        (migration.amount0, migration.amount1) = sameOrder ? (amount0, amount1) : (amount1, amount0);
        (migration.v3Liquidity, migration.principal0, migration.principal1) = (v3Liquidity, principal0, principal1);
        migration.liquidity = LiquidityAmounts.getLiquidityForAmounts(
            destination.sqrtPriceX96,
            TickMath.getSqrtPriceAtTick(destination.tickLower),
            TickMath.getSqrtPriceAtTick(destination.tickUpper),
            migration.amount0,
            migration.amount1
        );
    }

    // ---------------------------------------------------------------- contenders

    /// @dev As the app builds it: minimums 1 % under the principal, fees deposited, the price bounded ±0.5 %.
    function _v3Ferry(Destination memory destination, Migration memory migration, uint16 bps, string memory name)
        internal
        returns (uint256 gasUsed)
    {
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params;
        (params.tokenId, params.percentageBps, params.depositFees) = (v3TokenId, bps, true);
        (params.amount0MinWithdrawn, params.amount1MinWithdrawn) = _minimums(migration);
        params.permit = Signatures.nftPermit(aliceKey, V3_NPM, address(migrator), v3TokenId, FIXED_DEADLINE);
        params.destination = _ferryDestination(destination);
        IMigrator.Position[] memory positions = _v3ToV4Batch(params);
        uint256 v4TokenId = positionManager.nextTokenId();
        vm.prank(alice);
        migrator.migrate(positions, FIXED_DEADLINE, false);
        gasUsed = vm.snapshotGasLastCall(string.concat("Migrator_", name));
        _assertFerryMigrated(v4TokenId, migration);
    }

    function _v2Ferry(Destination memory destination, Migration memory migration, uint256 lpAmount, string memory name)
        internal
        returns (uint256 gasUsed)
    {
        IUniswapV2ToV4Route.UniswapV2ToV4Params memory params;
        (params.token0, params.token1) = (IUniswapV2Pair(wethUsdcPair).token0(), IUniswapV2Pair(wethUsdcPair).token1());
        params.percentageBps = ALL;
        (uint256 expected0, uint256 expected1) = _expectedWithdrawal(wethUsdcPair, lpAmount);
        (params.amount0MinWithdrawn, params.amount1MinWithdrawn) = (expected0 * 99 / 100, expected1 * 99 / 100);
        params.permit = _signPermit(aliceKey, wethUsdcPair, address(migrator), lpAmount);
        params.destination = _ferryDestination(destination);
        IMigrator.Position[] memory positions = new IMigrator.Position[](1);
        positions[0] = IMigrator.Position({route: IMigrator.Route.UniswapV2ToV4, params: abi.encode(params)});
        uint256 v4TokenId = positionManager.nextTokenId();
        vm.prank(alice);
        migrator.migrate(positions, FIXED_DEADLINE, false);
        gasUsed = vm.snapshotGasLastCall(string.concat("Migrator_", name));
        _assertFerryMigrated(v4TokenId, migration);
    }

    function _ferryDestination(Destination memory destination)
        internal
        pure
        returns (IUniswapV4DepositRoute.UniswapV4Destination memory)
    {
        PoolKey memory key = destination.key;
        CorePoolKey memory coreKey = CorePoolKey({
            currency0: Currency.wrap(key.currency0),
            currency1: Currency.wrap(key.currency1),
            fee: key.fee,
            tickSpacing: key.tickSpacing,
            hooks: IHooks(key.hooks)
        });
        return _fullRangeDestination(coreKey, destination.sqrtPriceX96);
    }

    /// @dev The commands `migrateV3ToV4CallParameters` builds: initialise (first, so a hook cannot re-enter while
    /// funds move), NFT permit, decrease / collect to the V4 PositionManager / burn, then modifyLiquidities.
    function _viaUniversalRouter(Destination memory destination, Migration memory migration, string memory snapshotName)
        internal
        returns (uint256 gasUsed)
    {
        uint256 initialize = destination.initialize ? 1 : 0;
        bytes memory commands = abi.encodePacked(
            V3_POSITION_MANAGER_PERMIT,
            V3_POSITION_MANAGER_CALL,
            V3_POSITION_MANAGER_CALL,
            V3_POSITION_MANAGER_CALL,
            V4_POSITION_MANAGER_CALL
        );
        if (destination.initialize) commands = abi.encodePacked(V4_INITIALIZE_POOL, commands);
        bytes[] memory inputs = new bytes[](5 + initialize);
        if (destination.initialize) inputs[0] = abi.encode(destination.key, destination.sqrtPriceX96);
        V4MigrationFloor.Permit memory permit = _nftPermit(UNIVERSAL_ROUTER);
        inputs[initialize] = abi.encodeCall(
            IV3Positions.permit, (UNIVERSAL_ROUTER, v3TokenId, permit.deadline, permit.v, permit.r, permit.s)
        );
        inputs[initialize + 1] = _v3DecreaseCall(migration);
        inputs[initialize + 2] = _v3CollectCall(V4_POSITION_MANAGER);
        inputs[initialize + 3] = abi.encodeCall(IV3Positions.burn, (v3TokenId));
        inputs[initialize + 4] = abi.encodeCall(
            IV4PositionManager.modifyLiquidities, (_migrationUnlockData(destination, migration), FIXED_DEADLINE)
        );
        uint256 v4TokenId = positionManager.nextTokenId();
        vm.prank(alice);
        IUniversalRouter(UNIVERSAL_ROUTER).execute(commands, inputs, FIXED_DEADLINE);
        gasUsed = vm.snapshotGasLastCall(string.concat("UniversalRouter_", snapshotName));
        _assertMigrated(v4TokenId, migration);
    }

    function _v3Floor(Destination memory destination, Migration memory migration, bool burn, string memory name)
        internal
        returns (uint256 gasUsed)
    {
        V4MigrationFloor.Permit memory permit = _nftPermit(address(floor));
        bytes memory initialization =
            destination.initialize ? abi.encode(destination.key, destination.sqrtPriceX96) : bytes("");
        bytes memory unlockData = _migrationUnlockData(destination, migration);
        uint256 v4TokenId = positionManager.nextTokenId();
        vm.prank(alice);
        floor.fromV3(v3TokenId, migration.v3Liquidity, burn, permit, initialization, unlockData);
        gasUsed = vm.snapshotGasLastCall(string.concat("Floor_", name));
        _assertMigrated(v4TokenId, migration);
    }

    function _v2Floor(Destination memory destination, Migration memory migration, uint256 lpAmount, string memory name)
        internal
        returns (uint256 gasUsed)
    {
        V4MigrationFloor.Permit memory permit =
            _asFloorPermit(_signPermit(aliceKey, wethUsdcPair, address(floor), lpAmount));
        bytes memory unlockData = _migrationUnlockData(destination, migration);
        uint256 v4TokenId = positionManager.nextTokenId();
        vm.prank(alice);
        floor.fromV2(IUniswapV2Pair(wethUsdcPair), lpAmount, permit, unlockData);
        gasUsed = vm.snapshotGasLastCall(string.concat("Floor_", name));
        _assertMigrated(v4TokenId, migration);
    }

    /// @dev Uniswap's V3 app removes in one multicall (to ETH: collect to the manager, unwrap, sweep), then the user
    /// approves and mints as for any V4 deposit.
    function _v3Manually(Destination memory destination, Migration memory migration, bool burn, string memory name)
        internal
        returns (uint256 total)
    {
        bool native = destination.key.currency0 == address(0);
        bytes[] memory calls = new bytes[](2 + (native ? 2 : 0) + (burn ? 1 : 0));
        calls[0] = _v3DecreaseCall(migration);
        calls[1] = _v3CollectCall(native ? address(0) : alice);
        if (native) {
            calls[2] = abi.encodeCall(INpm.unwrapWETH9, (0, alice));
            calls[3] = abi.encodeCall(IPeripheryPaymentsSweep.sweepToken, (destination.key.currency1, 0, alice));
        }
        if (burn) calls[calls.length - 1] = abi.encodeCall(IV3Positions.burn, (v3TokenId));
        vm.prank(alice);
        npm.multicall(calls);
        // Read before the next calls replace it.
        total = vm.lastCallGas().gasTotalUsed;
        total += _approveAndMint(destination, migration);
        vm.snapshotValue(string.concat("Manual_", name), total);
    }

    /// @dev removeLiquidityWithPermit through Router02, then the V4 deposit.
    function _v2Manually(
        Destination memory destination,
        Migration memory migration,
        uint256 lpAmount,
        string memory name
    ) internal returns (uint256 total) {
        IMigrator.PermitSignature memory permit = _signPermit(aliceKey, wethUsdcPair, V2_ROUTER, lpAmount);
        vm.prank(alice);
        IUniswapV2Router02(V2_ROUTER)
            .removeLiquidityWithPermit(
                destination.key.currency0,
                destination.key.currency1,
                lpAmount,
                0,
                0,
                alice,
                permit.deadline,
                false,
                permit.v,
                permit.r,
                permit.s
            );
        total = vm.lastCallGas().gasTotalUsed;
        total += _approveAndMint(destination, migration);
        vm.snapshotValue(string.concat("Manual_", name), total);
    }

    /// @dev A V4 deposit from a wallet without Permit2 allowances: per ERC-20, approve Permit2 and Permit2-approve
    /// the PositionManager; then modifyLiquidities (in a multicall after initializePool for a new pool, as the v4
    /// SDK builds it), paying ETH as value.
    function _approveAndMint(Destination memory destination, Migration memory migration)
        internal
        returns (uint256 total)
    {
        PoolKey memory key = destination.key;
        address[2] memory currencies = [key.currency0, key.currency1];
        for (uint256 i; i < 2; ++i) {
            if (currencies[i] == address(0)) continue;
            total += _send(currencies[i], abi.encodeCall(IERC20.approve, (PERMIT2, type(uint256).max)));
            total += _send(
                PERMIT2,
                abi.encodeCall(
                    IPermit2.approve, (currencies[i], V4_POSITION_MANAGER, type(uint160).max, type(uint48).max)
                )
            );
        }
        bool native = key.currency0 == address(0);
        bytes[] memory params = new bytes[](native ? 3 : 2);
        params[0] = _mintParams(destination, migration);
        params[1] = abi.encode(key.currency0, key.currency1);
        if (native) params[2] = abi.encode(address(0), MSG_SENDER);
        bytes memory actions =
            native ? abi.encodePacked(MINT_POSITION, SETTLE_PAIR, SWEEP) : abi.encodePacked(MINT_POSITION, SETTLE_PAIR);
        bytes memory modify =
            abi.encodeCall(IV4PositionManager.modifyLiquidities, (abi.encode(actions, params), FIXED_DEADLINE));
        bytes memory call = modify;
        if (destination.initialize) {
            bytes[] memory calls = new bytes[](2);
            calls[0] = abi.encodeCall(IV4PositionManager.initializePool, (key, destination.sqrtPriceX96));
            calls[1] = modify;
            call = abi.encodeCall(IV4PositionManager.multicall, (calls));
        }
        uint256 v4TokenId = positionManager.nextTokenId();
        vm.prank(alice);
        (bool ok,) = V4_POSITION_MANAGER.call{value: native ? migration.amount0 : 0}(call);
        assertTrue(ok, "manual V4 mint succeeded");
        total += vm.lastCallGas().gasTotalUsed;
        _assertMigrated(v4TokenId, migration);
    }

    /// @dev One transaction from alice; returns its gas.
    function _send(address to, bytes memory data) internal returns (uint256) {
        vm.prank(alice);
        (bool ok,) = to.call(data);
        assertTrue(ok, "manual step succeeded");
        return vm.lastCallGas().gasTotalUsed;
    }

    // ---------------------------------------------------------------- encoding

    /// @dev The v4 SDK's migration mint (`addCallParameters` with `migrate`): the PositionManager pays from its own
    /// balance (`payerIsUser = false`) and sweeps the rest to alice; into ETH it first unwraps what the mint needs.
    function _migrationUnlockData(Destination memory destination, Migration memory migration)
        internal
        view
        returns (bytes memory)
    {
        PoolKey memory key = destination.key;
        bool native = key.currency0 == address(0);
        bytes memory actions = native
            ? abi.encodePacked(MINT_POSITION, UNWRAP, SETTLE, SETTLE, SWEEP, SWEEP)
            : abi.encodePacked(MINT_POSITION, SETTLE, SETTLE, SWEEP, SWEEP);
        bytes[] memory params = new bytes[](actions.length);
        params[0] = _mintParams(destination, migration);
        uint256 next = 1;
        if (native) params[next++] = abi.encode(OPEN_DELTA);
        params[next++] = abi.encode(key.currency0, OPEN_DELTA, false);
        params[next++] = abi.encode(key.currency1, OPEN_DELTA, false);
        params[next++] = abi.encode(native ? WETH : key.currency0, alice);
        params[next] = abi.encode(key.currency1, alice);
        return abi.encode(actions, params);
    }

    function _mintParams(Destination memory destination, Migration memory migration)
        internal
        view
        returns (bytes memory)
    {
        return abi.encode(
            destination.key,
            destination.tickLower,
            destination.tickUpper,
            uint256(migration.liquidity),
            uint128(migration.amount0),
            uint128(migration.amount1),
            alice,
            bytes("")
        );
    }

    /// @dev The v3 SDK's 1 % slippage minimums on the principal (`removeCallParameters`).
    function _minimums(Migration memory migration) internal pure returns (uint256, uint256) {
        return (migration.principal0 * 99 / 100, migration.principal1 * 99 / 100);
    }

    function _v3DecreaseCall(Migration memory migration) internal view returns (bytes memory) {
        (uint256 min0, uint256 min1) = _minimums(migration);
        return abi.encodeCall(
            IV3Positions.decreaseLiquidity,
            (IV3Positions.DecreaseLiquidityParams(v3TokenId, migration.v3Liquidity, min0, min1, FIXED_DEADLINE))
        );
    }

    function _v3CollectCall(address recipient) internal view returns (bytes memory) {
        return abi.encodeCall(
            IV3Positions.collect,
            (IV3Positions.CollectParams(v3TokenId, recipient, type(uint128).max, type(uint128).max))
        );
    }

    /// @dev Alice's ERC-721 permit of the V3 position to `spender`.
    function _nftPermit(address spender) internal view returns (V4MigrationFloor.Permit memory) {
        return _asFloorPermit(Signatures.nftPermit(aliceKey, V3_NPM, spender, v3TokenId, FIXED_DEADLINE));
    }

    function _asFloorPermit(IMigrator.PermitSignature memory signature)
        internal
        pure
        returns (V4MigrationFloor.Permit memory)
    {
        return V4MigrationFloor.Permit(signature.deadline, signature.v, signature.r, signature.s);
    }

    // ---------------------------------------------------------------- checks

    /// @dev Ferry sizes the mint itself, from the same amounts: alice owns the new position, with the planned
    /// liquidity (or a hair less, rounding) and nothing is left behind anywhere.
    function _assertFerryMigrated(uint256 v4TokenId, Migration memory migration) internal view {
        assertEq(positionManager.ownerOf(v4TokenId), alice, "alice owns Ferry's V4 position");
        assertApproxEqRel(_v4Liquidity(v4TokenId), migration.liquidity, 1e14, "Ferry mints the planned liquidity");
        _assertV4Empty();
    }

    /// @dev Every contender does the whole job: alice owns the new V4 position with the planned liquidity and the
    /// PositionManager keeps nothing.
    function _assertMigrated(uint256 v4TokenId, Migration memory migration) internal view {
        assertEq(positionManager.ownerOf(v4TokenId), alice, "alice owns the V4 position");
        assertEq(positionManager.getPositionLiquidity(v4TokenId), migration.liquidity, "the planned V4 liquidity");
        assertEq(IERC20(WETH).balanceOf(V4_POSITION_MANAGER), 0, "no WETH left in the PositionManager");
        assertEq(IERC20(USDC).balanceOf(V4_POSITION_MANAGER), 0, "no USDC left in the PositionManager");
        assertEq(V4_POSITION_MANAGER.balance, 0, "no ETH left in the PositionManager");
    }

    function _deadline() internal pure override returns (uint256) {
        return FIXED_DEADLINE;
    }
}
