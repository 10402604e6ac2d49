// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {IUniswapV2Pair} from "../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV2ToV3Route} from "../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {IUniswapV2ToV4Route} from "../src/interfaces/routes/IUniswapV2ToV4Route.sol";
import {SqrtPriceMath} from "../src/libraries/SqrtPriceMath.sol";
import {AaveMigratorTest} from "./base/AaveMigratorTest.sol";
import {V4MigratorTest} from "./base/V4MigratorTest.sol";
import {FeeOnTransferToken} from "./mocks/FeeOnTransferToken.sol";
import {V4Swapper} from "./mocks/V4Swapper.sol";
import {IV4PositionManager} from "./utils/interfaces/IUniswapV4.sol";
import {IHooks} from "@uniswap/v4-core/src/interfaces/IHooks.sol";
import {IPoolManager} from "@uniswap/v4-core/src/interfaces/IPoolManager.sol";
import {Currency} from "@uniswap/v4-core/src/types/Currency.sol";
import {PoolId, PoolIdLibrary} from "@uniswap/v4-core/src/types/PoolId.sol";
import {PoolKey} from "@uniswap/v4-core/src/types/PoolKey.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

/// @notice Route `UniswapV2ToV4` on the world's V2 pair and V4 PoolManager and PositionManager, and the V4 routes in
/// one batch with the V2 → V3 and Aave routes.
contract UniswapV2ToV4Test is AaveMigratorTest, V4MigratorTest {
    using PoolIdLibrary for PoolKey;

    function setUp() public override(AaveMigratorTest, V4MigratorTest) {
        super.setUp();
    }

    /// @notice `percentageBps` of `user`'s WETH/USDC LP into the full range of the V4 pool `poolName`, permitted,
    /// with 1% minimums on the withdrawal.
    function _v2ToV4Params(uint256 userKey, uint16 percentageBps, string memory poolName)
        internal
        view
        returns (IUniswapV2ToV4Route.UniswapV2ToV4Params memory params)
    {
        address user = vm.addr(userKey);
        params.token0 = IUniswapV2Pair(wethUsdcPair).token0();
        params.token1 = IUniswapV2Pair(wethUsdcPair).token1();
        params.percentageBps = percentageBps;
        uint256 lpAmount = IUniswapV2Pair(wethUsdcPair).balanceOf(user) * percentageBps / 10_000;
        (uint256 expected0, uint256 expected1) = _expectedWithdrawal(wethUsdcPair, lpAmount);
        params.amount0MinWithdrawn = expected0 * 99 / 100;
        params.amount1MinWithdrawn = expected1 * 99 / 100;
        params.permit = _signPermit(userKey, wethUsdcPair, address(migrator), lpAmount);
        PoolKey memory key = _v4Key(poolName);
        params.destination = _fullRangeDestination(key, _v4Price(key));
    }

    function _v2ToV4Position(IUniswapV2ToV4Route.UniswapV2ToV4Params memory params)
        internal
        pure
        returns (IMigrator.Position memory)
    {
        return IMigrator.Position({route: IMigrator.Route.UniswapV2ToV4, params: abi.encode(params)});
    }

    function _one(IMigrator.Position memory position) internal pure returns (IMigrator.Position[] memory positions) {
        positions = new IMigrator.Position[](1);
        positions[0] = position;
    }

    function test_Migrate_V2LpIntoV4Position() public {
        IUniswapV2ToV4Route.UniswapV2ToV4Params memory params = _v2ToV4Params(aliceKey, 10_000, "WETH_USDC_3000");
        uint256 lpBefore = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        uint256 weth0 = IERC20(WETH).balanceOf(alice);
        uint256 usdc0 = IERC20(USDC).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _one(_v2ToV4Position(params)), false)[0];

        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), 0, "all LP migrated");
        assertEq(m.sourceAmount, lpBefore, "event: LP burned");
        assertEq(m.sourceId, 0, "event: an ERC20 source");
        assertEq(m.destination, PoolId.unwrap(params.destination.poolKey.toId()), "event: the PoolId");
        assertEq(IV4PositionManager(V4_POSITION_MANAGER).ownerOf(m.tokenId), alice, "alice owns the V4 position");
        assertEq(_v4Liquidity(m.tokenId), m.liquidity, "event: the V4 liquidity");
        assertGe(m.amount0Withdrawn, params.amount0MinWithdrawn, "withdrawal minimum held");
        assertEq(IERC20(WETH).balanceOf(alice) - weth0, m.amount0Refunded, "WETH refund reached alice");
        assertEq(IERC20(USDC).balanceOf(alice) - usdc0, m.amount1Refunded, "USDC refund reached alice");
        assertEq(m.amount0Refunded + m.amount0Deposited, m.amount0Withdrawn, "WETH accounted for");
        _assertV4Empty();
    }

    function test_Migrate_V2LpIntoNativeEthPool() public {
        IUniswapV2ToV4Route.UniswapV2ToV4Params memory params = _v2ToV4Params(aliceKey, 5000, "ETH_USDC_500");
        uint256 eth0 = alice.balance;

        IMigrator.LiquidityMigration memory m = _migrate(alice, _one(_v2ToV4Position(params)), false)[0];

        assertEq(m.token0, address(0), "event: native ETH");
        assertTrue(m.refundedAsEth, "event: ETH refund");
        assertEq(alice.balance - eth0, m.amount0Refunded, "ETH leftover reached alice");
        _assertV4Empty();
    }

    function test_Migrate_V2LpInitialisesAMissingPoolAtThePairPrice() public {
        IUniswapV2ToV4Route.UniswapV2ToV4Params memory params = _v2ToV4Params(aliceKey, 10_000, "WETH_USDC_3000");
        PoolKey memory key = params.destination.poolKey;
        key.fee = 1234;
        key.tickSpacing = 20;
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(wethUsdcPair).getReserves();
        uint160 pairPrice = SqrtPriceMath.fromReserves(reserve0, reserve1);
        params.destination = _fullRangeDestination(key, pairPrice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _one(_v2ToV4Position(params)), false)[0];

        assertEq(_v4Price(key), pairPrice, "initialised at the pair's price before the burn");
        assertEq(_v4Liquidity(m.tokenId), m.liquidity, "position in the new pool");
        _assertV4Empty();
    }

    /// @dev Any share of the LP into either pool (WETH or native ETH), after a swap of fuzzed size moved the V4 price
    /// (the bounds follow it, as a fresh preview would): every token withdrawn is deposited or refunded, the event is
    /// the chain's state, and nothing stays behind.
    function testFuzz_Migrate_V2LpIntoV4AtAnyPrice(uint16 percentageBps, bool native, uint256 swapUsdc, bool unwrap)
        public
    {
        percentageBps = uint16(bound(percentageBps, 10, 10_000));
        PoolKey memory key = _v4Key(native ? "ETH_USDC_500" : "WETH_USDC_3000");
        swapUsdc = bound(swapUsdc, 0, 200_000e6);
        if (swapUsdc != 0) {
            V4Swapper swapper = new V4Swapper(IPoolManager(V4_POOL_MANAGER));
            deal(USDC, address(swapper), swapUsdc);
            swapper.swap(key, false, swapUsdc);
        }
        IUniswapV2ToV4Route.UniswapV2ToV4Params memory params =
            _v2ToV4Params(aliceKey, percentageBps, native ? "ETH_USDC_500" : "WETH_USDC_3000");
        uint256 lpBefore = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _one(_v2ToV4Position(params)), unwrap)[0];

        assertEq(lpBefore - IUniswapV2Pair(wethUsdcPair).balanceOf(alice), m.sourceAmount, "LP burned");
        assertEq(m.amount0Deposited + m.amount0Refunded, m.amount0Withdrawn, "currency0 deposited or refunded");
        assertEq(m.amount1Deposited + m.amount1Refunded, m.amount1Withdrawn, "currency1 deposited or refunded");
        assertEq(_v4Liquidity(m.tokenId), m.liquidity, "event liquidity is the position's");
        assertEq(m.destination, PoolId.unwrap(key.toId()), "the chosen pool");
        _assertV4Empty();
    }

    /// @dev The pair burns straight to the V4 PositionManager: a 1% fee on transfer shows there as 1% less than the
    /// pair reports, and the route refuses the token with its name and both amounts before anything is deposited.
    function test_RevertWhen_PairHoldsFeeOnTransferToken() public {
        FeeOnTransferToken fot = new FeeOnTransferToken();
        fot.mint(address(this), 1000e18);
        deal(WETH, address(this), 10e18);
        address pair = _createV2Pair(address(fot), WETH, 1000e18, 10e18, alice);
        uint256 lpAmount = IUniswapV2Pair(pair).balanceOf(alice);
        (uint256 amount0, uint256 amount1) = _expectedWithdrawal(pair, lpAmount);
        uint256 sent = IUniswapV2Pair(pair).token0() == address(fot) ? amount0 : amount1;
        IUniswapV2ToV4Route.UniswapV2ToV4Params memory params;
        (params.token0, params.token1) = (IUniswapV2Pair(pair).token0(), IUniswapV2Pair(pair).token1());
        params.percentageBps = 10_000;
        params.permit = _signPermit(aliceKey, pair, address(migrator), lpAmount);
        PoolKey memory key = PoolKey({
            currency0: Currency.wrap(params.token0),
            currency1: Currency.wrap(params.token1),
            fee: 3000,
            tickSpacing: 60,
            hooks: IHooks(address(0))
        });
        params.destination = _fullRangeDestination(key, SqrtPriceMath.fromReserves(uint112(amount0), uint112(amount1)));
        uint256 held = IERC20(address(fot)).balanceOf(V4_POSITION_MANAGER);

        vm.expectRevert(
            abi.encodeWithSelector(
                IMigrator.TokenBalanceMismatch.selector, address(fot), held + sent, held + fot.received(sent)
            )
        );
        vm.prank(alice);
        migrator.migrate(_one(_v2ToV4Position(params)), _deadline(), false);
    }

    function test_Migrate_MixedBatchOfEveryRouteInOneCall() public {
        uint256 v3Id = _mintV3FullRange(bob);
        IMigrator.Position[] memory positions = new IMigrator.Position[](4);
        // One permit for all the LP: the V2 → V3 leg takes half, the V2 → V4 leg the rest of the allowance.
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory v2ToV3 = _permittedParams(wethUsdcPair, bobKey, FEE_MEDIUM, 5000);
        v2ToV3.permit = _signPermit(bobKey, wethUsdcPair, address(migrator), type(uint256).max);
        positions[0] = _position(v2ToV3);
        positions[1] = _aavePosition(_signedParams(bobKey, _assets(WETH), _assets(USDC)));
        positions[2] = _v3ToV4Position(_v3ToV4Params(bobKey, v3Id, 10_000, "ETH_USDC_500"));
        // The V2 → V3 leg above moved half the LP: the other half goes to V4.
        IUniswapV2ToV4Route.UniswapV2ToV4Params memory v2ToV4 = _v2ToV4Params(bobKey, 10_000, "WETH_USDC_3000");
        v2ToV4.amount0MinWithdrawn /= 3;
        v2ToV4.amount1MinWithdrawn /= 3;
        v2ToV4.permit.deadline = 0;
        positions[3] = _v2ToV4Position(v2ToV4);

        vm.prank(bob);
        migrator.migrate(positions, _deadline(), false);

        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(bob), 0, "all LP migrated, to V3 and V4");
        assertEq(_v2Debt(bob, USDC), 0, "Aave debt migrated in the same call");
        assertEq(
            IV4PositionManager(V4_POSITION_MANAGER).ownerOf(IV4PositionManager(V4_POSITION_MANAGER).nextTokenId() - 1),
            bob,
            "bob owns the V4 positions"
        );
        _assertMigratorHoldsNoAaveAsset();
        _assertV4Empty();
    }
}
