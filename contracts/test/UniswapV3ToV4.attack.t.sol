// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {IUniswapV3Pool} from "../src/interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV3ToV4Route} from "../src/interfaces/routes/IUniswapV3ToV4Route.sol";
import {IUniswapV4DepositRoute} from "../src/interfaces/routes/IUniswapV4DepositRoute.sol";
import {V4MigratorTest} from "./base/V4MigratorTest.sol";
import {EthRejectingWallet} from "./mocks/EthRejectingWallet.sol";
import {V4Swapper} from "./mocks/V4Swapper.sol";
import {ReenteringHook, RevertingHook} from "./mocks/V4TestHooks.sol";
import {INonfungiblePositionManager as INpm} from "./utils/interfaces/IUniswapV3.sol";
import {IHooks} from "@uniswap/v4-core/src/interfaces/IHooks.sol";
import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {CustomRevert} from "@uniswap/v4-core/src/libraries/CustomRevert.sol";
import {Hooks} from "@uniswap/v4-core/src/libraries/Hooks.sol";
import {PoolId, PoolIdLibrary} from "@uniswap/v4-core/src/types/PoolId.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Attacks on route `UniswapV3ToV4` (security notes, threats 17–20): someone else's NFT, hooks, a pool
/// initialised or pushed to a bad price, ETH sent with the call (refunded).
contract UniswapV3ToV4AttackTest is V4MigratorTest {
    using PoolIdLibrary for PoolKey;

    /// @dev Hook addresses: the flag bits in the low 14 bits, as a miner would find them.
    address internal constant REENTERING_HOOK = address(uint160(0xbeef << 16 | Hooks.BEFORE_ADD_LIQUIDITY_FLAG));
    address internal constant REVERTING_HOOK = address(uint160(0xdead << 16 | Hooks.BEFORE_ADD_LIQUIDITY_FLAG));

    address internal attacker;

    function setUp() public override {
        super.setUp();
        attacker = makeAddr("attacker");
    }

    // ---------------------------------------------------------------- someone else's position (threat 17)

    function testFuzz_RevertWhen_AttackerNamesAVictimsPosition(uint256 pick) public {
        uint256[3] memory victimIds = [_mintV3FullRange(alice), _mintV3FullRange(alice), _mintV3FullRange(alice)];
        vm.prank(alice);
        INpm(V3_NPM).setApprovalForAll(address(migrator), true);
        uint256 victimId = victimIds[bound(pick, 0, 2)];
        (,,,,,,, uint128 liquidity,,,,) = INpm(V3_NPM).positions(victimId);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params =
            _v3ToV4Params(aliceKey, victimId, 10_000, "WETH_USDC_3000");
        params.permit.deadline = 0;

        vm.expectRevert(abi.encodeWithSelector(IMigrator.PositionNotOwned.selector, V3_NPM, victimId, alice));
        vm.prank(attacker);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);

        (,,,,,,, uint128 after_,,,,) = INpm(V3_NPM).positions(victimId);
        assertEq(after_, liquidity, "victim's position untouched");
    }

    // ---------------------------------------------------------------- hooks (threat 18)

    function test_RevertWhen_HookMayReturnAnAddLiquidityDelta() public {
        uint256 v3Id = _mintV3FullRange(alice);
        address hook = address(
            uint160(0xcafe << 16 | Hooks.AFTER_ADD_LIQUIDITY_FLAG | Hooks.AFTER_ADD_LIQUIDITY_RETURNS_DELTA_FLAG)
        );
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _hookedParams(v3Id, hook);

        vm.expectRevert(abi.encodeWithSelector(IUniswapV4DepositRoute.HookMayTakeDeposit.selector, hook));
        vm.prank(alice);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
    }

    function test_RevertWhen_HookReentersTheMigrator() public {
        deployCodeTo("V4TestHooks.sol:ReenteringHook", abi.encode(address(migrator)), REENTERING_HOOK);
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _hookedParams(v3Id, REENTERING_HOOK);

        vm.expectRevert(
            abi.encodeWithSelector(
                CustomRevert.WrappedError.selector,
                REENTERING_HOOK,
                IHooks.beforeAddLiquidity.selector,
                abi.encodeWithSelector(IMigrator.Reentrancy.selector),
                abi.encodeWithSelector(Hooks.HookCallFailed.selector)
            )
        );
        vm.prank(alice);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
    }

    function test_RevertWhen_HookRevertsTheDeposit() public {
        deployCodeTo("V4TestHooks.sol:RevertingHook", REVERTING_HOOK);
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _hookedParams(v3Id, REVERTING_HOOK);

        vm.expectRevert(
            abi.encodeWithSelector(
                CustomRevert.WrappedError.selector,
                REVERTING_HOOK,
                IHooks.beforeAddLiquidity.selector,
                abi.encodeWithSelector(RevertingHook.DepositRefused.selector),
                abi.encodeWithSelector(Hooks.HookCallFailed.selector)
            )
        );
        vm.prank(alice);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
        assertEq(INpm(V3_NPM).ownerOf(v3Id), alice, "nothing moved");
    }

    // ---------------------------------------------------------------- bad prices (threats 7, 8)

    function test_RevertWhen_MissingPoolInitialisedFirstAtABadPrice() public {
        uint256 v3Id = _mintV3FullRange(alice);
        (uint160 v3Price,,,,,,) = IUniswapV3Pool(v3WethUsdc).slot0();
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        params.destination.poolKey.fee = 2500;
        params.destination.poolKey.tickSpacing = 50;
        params.destination = _fullRangeDestination(params.destination.poolKey, v3Price);
        // Ten times the price: sqrt(10) ≈ 3.16 times the sqrtPrice.
        uint160 badPrice = uint160(uint256(v3Price) * 316 / 100);
        vm.prank(attacker);
        IPoolManager(V4_POOL_MANAGER).initialize(params.destination.poolKey, badPrice);

        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV4DepositRoute.V4PoolPriceOutOfBounds.selector,
                PoolId.unwrap(params.destination.poolKey.toId()),
                badPrice,
                params.destination.sqrtPriceX96Min,
                params.destination.sqrtPriceX96Max
            )
        );
        vm.prank(alice);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
    }

    function test_RevertWhen_PoolPushedBySwapJustBefore() public {
        uint256 v3Id = _mintV3FullRange(alice);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        V4Swapper swapper = new V4Swapper(IPoolManager(V4_POOL_MANAGER));
        deal(WETH, address(swapper), 500 ether);
        swapper.swap(params.destination.poolKey, true, 500 ether);
        uint160 pushed = _v4Price(params.destination.poolKey);
        assertLt(pushed, params.destination.sqrtPriceX96Min, "the swap pushed the price below the bound");

        vm.expectRevert(
            abi.encodeWithSelector(
                IUniswapV4DepositRoute.V4PoolPriceOutOfBounds.selector,
                PoolId.unwrap(params.destination.poolKey.toId()),
                pushed,
                params.destination.sqrtPriceX96Min,
                params.destination.sqrtPriceX96Max
            )
        );
        vm.prank(alice);
        migrator.migrate(_v3ToV4Batch(params), _deadline(), false);
    }

    // ---------------------------------------------------------------- ETH (threat 20)

    /// @dev Two native-ETH legs in one batch, the delegated route seeing `msg.value` on both: the ETH sent changes
    /// nothing but comes back whole, and the Migrator keeps none of it.
    function testFuzz_Migrate_EthSentWithTheCallIsRefunded(uint96 value) public {
        value = uint96(bound(value, 1, 1000 ether));
        IMigrator.Position[] memory positions = new IMigrator.Position[](2);
        positions[0] = _v3ToV4Position(_v3ToV4Params(aliceKey, _mintV3FullRange(alice), 10_000, "ETH_USDC_500"));
        positions[1] = _v3ToV4Position(_v3ToV4Params(aliceKey, _mintV3FullRange(alice), 5000, "ETH_USDC_500"));
        vm.deal(alice, value);
        uint256 snapshot = vm.snapshotState();
        vm.prank(alice);
        migrator.migrate(positions, _deadline(), false);
        uint256 ethWithoutValue = alice.balance;
        uint256 usdcWithoutValue = IERC20(USDC).balanceOf(alice);
        vm.revertToState(snapshot);

        vm.prank(alice);
        migrator.migrate{value: value}(positions, _deadline(), false);

        assertEq(alice.balance, ethWithoutValue, "alice ends with the same ETH as without sending any");
        assertEq(IERC20(USDC).balanceOf(alice), usdcWithoutValue, "and the same USDC");
        _assertV4Empty();
    }

    function test_RevertWhen_EthSentByACallerThatCannotTakeItBack() public {
        address wallet = address(new EthRejectingWallet());
        uint256 v3Id = _mintV3FullRange(wallet);
        vm.prank(wallet);
        INpm(V3_NPM).approve(address(migrator), v3Id);
        IUniswapV3ToV4Route.UniswapV3ToV4Params memory params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        params.permit.deadline = 0;
        vm.deal(wallet, 1 ether);
        uint256 deadline = _deadline();

        vm.expectRevert(abi.encodeWithSelector(IMigrator.EthTransferFailed.selector, wallet, 1 ether));
        vm.prank(wallet);
        migrator.migrate{value: 1 ether}(_v3ToV4Batch(params), deadline, false);

        vm.prank(wallet);
        migrator.migrate(_v3ToV4Batch(params), deadline, false);
        assertEq(wallet.balance, 1 ether, "without ETH sent the wallet migrates and keeps its ETH");
    }

    /// @dev A new pool of WETH/USDC with `hook`, full range around the V3 price.
    function _hookedParams(uint256 v3Id, address hook)
        internal
        view
        returns (IUniswapV3ToV4Route.UniswapV3ToV4Params memory params)
    {
        (uint160 v3Price,,,,,,) = IUniswapV3Pool(v3WethUsdc).slot0();
        params = _v3ToV4Params(aliceKey, v3Id, 10_000, "WETH_USDC_3000");
        params.destination.poolKey.hooks = IHooks(hook);
        params.destination = _fullRangeDestination(params.destination.poolKey, v3Price);
    }
}
