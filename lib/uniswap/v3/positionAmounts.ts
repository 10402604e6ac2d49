/**
 * The token amounts a V3 position's liquidity stands for at the pool's current price, in native bigint. It mirrors
 * Uniswap's TickMath.getSqrtRatioAtTick and SqrtPriceMath.getAmount{0,1}Delta (rounding down, as the pool pays out),
 * line for line as @uniswap/v3-sdk implements them; the unit test checks it against the SDK's Position. The indexer
 * cannot load the SDK itself: its module graph takes longer than the 10 s Ponder allows a file to execute on a busy
 * 2-core machine.
 */

const Q32 = 1n << 32n;
const Q96 = 1n << 96n;
const MAX_UINT256 = (1n << 256n) - 1n;
const MAX_TICK = 887_272;

/** TickMath's per-bit factors: sqrt(1.0001)^-(2^i) as Q128, for bits 1 to 19 of |tick|. */
const TICK_FACTORS = [
  0xfff97272373d413259a46990580e213an,
  0xfff2e50f5f656932ef12357cf3c7fdccn,
  0xffe5caca7e10e4e61c3624eaa0941cd0n,
  0xffcb9843d60f6159c9db58835c926644n,
  0xff973b41fa98c081472e6896dfb254c0n,
  0xff2ea16466c96a3843ec78b326b52861n,
  0xfe5dee046a99a2a811c461f1969c3053n,
  0xfcbe86c7900a88aedcffc83b479aa3a4n,
  0xf987a7253ac413176f2b074cf7815e54n,
  0xf3392b0822b70005940c7a398e4b70f3n,
  0xe7159475a2c29b7443b29c7fa6e889d9n,
  0xd097f3bdfd2022b8845ad8f792aa5825n,
  0xa9f746462d870fdf8a65dc1f90e061e5n,
  0x70d869a156d2a1b890bb3df62baf32f7n,
  0x31be135f97d08fd981231505542fcfa6n,
  0x9aa508b5b7a84e1c677de54f3e99bc9n,
  0x5d6af8dedb81196699c329225ee604n,
  0x2216e584f5fa1ea926041bedfe98n,
  0x48a170391f7dc42444e8fa2n,
];

/** sqrt(1.0001^tick) as a Q64.96, rounded up as TickMath does. */
export function sqrtRatioAtTick(tick: number): bigint {
  if (!Number.isInteger(tick) || Math.abs(tick) > MAX_TICK) throw new Error(`tick out of range: ${tick}`);
  const absTick = Math.abs(tick);
  let ratio = absTick & 1 ? 0xfffcb933bd6fad37aa2d162d1a594001n : 1n << 128n;
  TICK_FACTORS.forEach((factor, i) => {
    if (absTick & (2 << i)) ratio = (ratio * factor) >> 128n;
  });
  if (tick > 0) ratio = MAX_UINT256 / ratio;
  return ratio % Q32 > 0n ? ratio / Q32 + 1n : ratio / Q32;
}

/** SqrtPriceMath.getAmount0Delta rounding down: token0 between two sqrt prices for `liquidity`. */
export function amount0Delta(sqrtA: bigint, sqrtB: bigint, liquidity: bigint): bigint {
  const [lower, upper] = sqrtA < sqrtB ? [sqrtA, sqrtB] : [sqrtB, sqrtA];
  return ((liquidity << 96n) * (upper - lower)) / upper / lower;
}

/** SqrtPriceMath.getAmount1Delta rounding down: token1 between two sqrt prices for `liquidity`. */
export function amount1Delta(sqrtA: bigint, sqrtB: bigint, liquidity: bigint): bigint {
  const [lower, upper] = sqrtA < sqrtB ? [sqrtA, sqrtB] : [sqrtB, sqrtA];
  return (liquidity * (upper - lower)) / Q96;
}

/**
 * The token amounts a V3 position's `liquidity` in [tickLower, tickUpper) stands for at the pool's current price and
 * tick (what removing it all would pay, fees aside), and whether the price is inside its range.
 */
export function positionAmounts(
  sqrtPriceX96: bigint,
  tick: number,
  tickLower: number,
  tickUpper: number,
  liquidity: bigint,
): { amount0: bigint; amount1: bigint; inRange: boolean } {
  const lower = sqrtRatioAtTick(tickLower);
  const upper = sqrtRatioAtTick(tickUpper);
  if (tick < tickLower) return { amount0: amount0Delta(lower, upper, liquidity), amount1: 0n, inRange: false };
  if (tick >= tickUpper) return { amount0: 0n, amount1: amount1Delta(lower, upper, liquidity), inRange: false };
  return {
    amount0: amount0Delta(sqrtPriceX96, upper, liquidity),
    amount1: amount1Delta(lower, sqrtPriceX96, liquidity),
    inRange: true,
  };
}
