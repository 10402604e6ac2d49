import { SqrtPriceMath, TickMath } from "@uniswap/v3-sdk";
import JSBI from "jsbi";

/**
 * The token amounts a V3 position's `liquidity` in [tickLower, tickUpper) stands for at the pool's current price and
 * tick (what removing it all would pay, fees aside), with the SDK's rounding down, as the pool pays out.
 */
export function positionAmounts(
  sqrtPriceX96: bigint,
  tick: number,
  tickLower: number,
  tickUpper: number,
  liquidity: bigint,
): { amount0: bigint; amount1: bigint; inRange: boolean } {
  const lower = TickMath.getSqrtRatioAtTick(tickLower);
  const upper = TickMath.getSqrtRatioAtTick(tickUpper);
  const current = JSBI.BigInt(sqrtPriceX96.toString());
  const l = JSBI.BigInt(liquidity.toString());
  const amount0 = (a: JSBI, b: JSBI) => BigInt(SqrtPriceMath.getAmount0Delta(a, b, l, false).toString());
  const amount1 = (a: JSBI, b: JSBI) => BigInt(SqrtPriceMath.getAmount1Delta(a, b, l, false).toString());
  if (tick < tickLower) return { amount0: amount0(lower, upper), amount1: 0n, inRange: false };
  if (tick >= tickUpper) return { amount0: 0n, amount1: amount1(lower, upper), inRange: false };
  return { amount0: amount0(current, upper), amount1: amount1(lower, current), inRange: true };
}
