// SPDX-License-Identifier: MIT
pragma solidity 0.8.30;

import {IMigrator} from "../src/interfaces/IMigrator.sol";
import {INonfungiblePositionManager as INpm} from "../src/interfaces/external/INonfungiblePositionManager.sol";
import {IUniswapV2Pair} from "../src/interfaces/external/IUniswapV2Pair.sol";
import {IUniswapV3Pool} from "../src/interfaces/external/IUniswapV3Pool.sol";
import {IUniswapV2ToV3Route} from "../src/interfaces/routes/IUniswapV2ToV3Route.sol";
import {SqrtPriceMath} from "../src/libraries/SqrtPriceMath.sol";
import {MigratorTest} from "./base/MigratorTest.sol";
import {MockERC20} from "./mocks/MockERC20.sol";
import {FullMath} from "@uniswap/v4-core/src/libraries/FullMath.sol";
import {IERC20} from "forge-std/interfaces/IERC20.sol";

contract MigratorFuzzTest is MigratorTest {
    int24 internal constant TICK_SPACING_3000 = 60;

    function testFuzz_Migrate_AnyPercentage(uint16 percentageBps, bool unwrapWeth) public {
        percentageBps = uint16(bound(percentageBps, 1, 10_000));
        uint256 lpBefore = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, percentageBps);

        IMigrator.LiquidityMigration memory m = _migrateAndCheckRefunds(params, unwrapWeth);

        uint256 expectedLp = lpBefore * percentageBps / 10_000;
        assertEq(m.sourceAmount, expectedLp, "LP burned = share of the live balance");
        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), lpBefore - expectedLp, "the rest of the LP stays");
    }

    function testFuzz_Migrate_AnyLpAmount(uint256 lpAmount) public {
        uint256 lpBalance = IUniswapV2Pair(wethUsdcPair).balanceOf(alice);
        lpAmount = bound(lpAmount, 1e8, lpBalance);
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _fullRangeParams(wethUsdcPair, alice, FEE_MEDIUM, 0);
        (params.amount0MinWithdrawn, params.amount1MinWithdrawn) = _expectedWithdrawal(wethUsdcPair, lpAmount);
        params.lpAmount = lpAmount;
        params.permit = _signPermit(aliceKey, wethUsdcPair, address(migrator), lpAmount);

        IMigrator.LiquidityMigration memory m = _migrateAndCheckRefunds(params, false);

        assertEq(m.sourceAmount, lpAmount, "LP burned = the explicit amount");
        assertEq(IUniswapV2Pair(wethUsdcPair).balanceOf(alice), lpBalance - lpAmount, "the rest of the LP stays");
        assertEq(m.amount0Withdrawn, params.amount0MinWithdrawn, "token0 withdrawn = pro-rata share");
        assertEq(m.amount1Withdrawn, params.amount1MinWithdrawn, "token1 withdrawn = pro-rata share");
    }

    function testFuzz_Migrate_AnyRange(int24 center, int24 halfWidth) public {
        (, int24 tick,,,,,) = IUniswapV3Pool(v3Pool("WETH_USDC_3000")).slot0();
        center = int24(bound(center, tick - 100_000, tick + 100_000));
        halfWidth = int24(bound(halfWidth, 1, 100_000 / TICK_SPACING_3000));
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        int24 aligned = center / TICK_SPACING_3000 * TICK_SPACING_3000;
        params.tickLower = aligned - halfWidth * TICK_SPACING_3000;
        params.tickUpper = aligned + halfWidth * TICK_SPACING_3000;

        IMigrator.LiquidityMigration memory m = _migrateAndCheckRefunds(params, false);

        (,,,,, int24 lower, int24 upper, uint128 liquidity,,,,) = INpm(V3_NPM).positions(m.tokenId);
        assertEq(lower, params.tickLower, "position lower tick");
        assertEq(upper, params.tickUpper, "position upper tick");
        assertEq(liquidity, m.liquidity, "position liquidity");
        if (params.tickLower > tick) assertEq(m.amount1Deposited, 0, "range above the price takes no token1");
        if (params.tickUpper <= tick) assertEq(m.amount0Deposited, 0, "range below the price takes no token0");
    }

    /// @dev Whatever the caller's bounds, the call either mints within them or reverts naming the pool's price.
    function testFuzz_Migrate_PriceBounds(uint160 sqrtPriceX96Min, uint160 sqrtPriceX96Max) public {
        address pool = v3Pool("WETH_USDC_3000");
        (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(pool).slot0();
        sqrtPriceX96Min = uint160(bound(sqrtPriceX96Min, sqrtPriceX96 / 2, sqrtPriceX96 * 2));
        sqrtPriceX96Max = uint160(bound(sqrtPriceX96Max, sqrtPriceX96 / 2, sqrtPriceX96 * 2));
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params =
            _permittedParams(wethUsdcPair, aliceKey, FEE_MEDIUM, 10_000);
        (params.sqrtPriceX96Min, params.sqrtPriceX96Max) = (sqrtPriceX96Min, sqrtPriceX96Max);

        if (sqrtPriceX96 < sqrtPriceX96Min || sqrtPriceX96 > sqrtPriceX96Max) {
            vm.expectRevert(
                abi.encodeWithSelector(
                    IUniswapV2ToV3Route.PoolPriceOutOfBounds.selector,
                    pool,
                    sqrtPriceX96,
                    sqrtPriceX96Min,
                    sqrtPriceX96Max
                )
            );
            vm.prank(alice);
            migrator.migrate(_batch(params), _deadline(), false);
        } else {
            assertGt(_migrateAndCheckRefunds(params, false).liquidity, 0, "minted within the bounds");
        }
    }

    /// @dev A new pair at any price from 1e-24 to 1e24 migrates into a new pool initialised at that price.
    function testFuzz_Migrate_NewPoolAtAnyV2Price(uint256 reserveA, uint256 reserveB) public {
        reserveA = bound(reserveA, 1e6, 1e30);
        reserveB = bound(reserveB, 1e6, 1e30);
        (address pair, address token0, address token1) = _newPair(reserveA, reserveB);
        (uint112 reserve0, uint112 reserve1,) = IUniswapV2Pair(pair).getReserves();
        IUniswapV2ToV3Route.UniswapV2ToV3Params memory params = _permittedParams(pair, aliceKey, FEE_MEDIUM, 10_000);
        (params.amount0MinDeposited, params.amount1MinDeposited) = (0, 0);

        IMigrator.LiquidityMigration memory m = _migrate(alice, _batch(params), false)[0];

        (uint160 sqrtPriceX96,,,,,,) = IUniswapV3Pool(_pool(token0, token1, FEE_MEDIUM)).slot0();
        _assertSqrtPriceOf(sqrtPriceX96, reserve0, reserve1);
        assertEq(m.amount0Withdrawn, m.amount0Deposited + m.amount0Refunded, "token0 withdrawn = deposited + refunded");
        assertEq(m.amount1Withdrawn, m.amount1Deposited + m.amount1Refunded, "token1 withdrawn = deposited + refunded");
        _assertMigratorEmpty(_tokens(token0, token1, pair));
    }

    function testFuzz_SqrtPriceFromReserves(uint112 reserve0, uint112 reserve1) public pure {
        reserve0 = uint112(bound(reserve0, 1, type(uint112).max));
        reserve1 = uint112(bound(reserve1, 1, type(uint112).max));
        _assertSqrtPriceOf(SqrtPriceMath.fromReserves(reserve0, reserve1), reserve0, reserve1);
    }

    // ---------------------------------------------------------------- helpers

    /// @dev `sqrtPriceX96² / 2^192 = reserve1 / reserve0`, checked as `⌊sqrtPriceX96² / reserve1⌋ · reserve0 ≈ 2^192`
    /// (no term overflows): rounded down, to one part in a billion.
    function _assertSqrtPriceOf(uint160 sqrtPriceX96, uint256 reserve0, uint256 reserve1) internal pure {
        uint256 implied = FullMath.mulDiv(sqrtPriceX96, sqrtPriceX96, reserve1) * reserve0;
        assertLe(implied, 1 << 192, "sqrtPrice rounds down");
        assertApproxEqRel(implied, 1 << 192, 1e9, "sqrtPrice matches the reserves' price");
    }

    function _migrateAndCheckRefunds(IUniswapV2ToV3Route.UniswapV2ToV3Params memory params, bool unwrapWeth)
        internal
        returns (IMigrator.LiquidityMigration memory m)
    {
        uint256 weth0 = IERC20(WETH).balanceOf(alice);
        uint256 usdc0 = IERC20(USDC).balanceOf(alice);
        uint256 eth0 = alice.balance;
        m = _migrate(alice, _batch(params), unwrapWeth)[0];
        assertEq(m.amount0Withdrawn, m.amount0Deposited + m.amount0Refunded, "token0 withdrawn = deposited + refunded");
        assertEq(m.amount1Withdrawn, m.amount1Deposited + m.amount1Refunded, "token1 withdrawn = deposited + refunded");
        uint256 wethRefund = IERC20(WETH).balanceOf(alice) - weth0 + (alice.balance - eth0);
        assertEq(wethRefund, m.amount0Refunded, "alice received the WETH refund");
        assertEq(IERC20(USDC).balanceOf(alice) - usdc0, m.amount1Refunded, "alice received the USDC refund");
        assertEq(m.refundedAsEth, unwrapWeth && m.amount0Refunded > 0, "event: refunded as ETH");
        assertGe(m.amount0Deposited, params.amount0MinDeposited, "deposit minimum token0");
        assertGe(m.amount1Deposited, params.amount1MinDeposited, "deposit minimum token1");
        _assertMigratorEmpty(_tokens(WETH, USDC, wethUsdcPair));
    }

    function _newPair(uint256 reserveA, uint256 reserveB)
        internal
        returns (address pair, address token0, address token1)
    {
        MockERC20 tokenA = new MockERC20("A", 18);
        MockERC20 tokenB = new MockERC20("B", 18);
        tokenA.mint(address(this), reserveA);
        tokenB.mint(address(this), reserveB);
        pair = _createV2Pair(address(tokenA), address(tokenB), reserveA, reserveB, alice);
        (token0, token1) = (IUniswapV2Pair(pair).token0(), IUniswapV2Pair(pair).token1());
    }
}
