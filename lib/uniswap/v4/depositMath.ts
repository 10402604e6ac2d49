import { maxLiquidityForAmounts, SqrtPriceMath, TickMath } from "@uniswap/v3-sdk";
import JSBI from "jsbi";

const big = (value: JSBI) => BigInt(value.toString());
const jsbi = (value: bigint) => JSBI.BigInt(value.toString());

/**
 * What the Migrator deposits into a V4 range at `sqrtPriceX96` out of the amounts offered, as
 * `UniswapV4Deposit._liquidityFor` computes it: the most liquidity both amounts buy (v4-periphery's `LiquidityAmounts`,
 * the imprecise variant), and the amounts the pool charges for it, rounded up. Liquidity 0 is refused on chain
 * (`NoLiquidityToDeposit`).
 */
export function v4DepositAmounts(
  sqrtPriceX96: bigint,
  tickLower: number,
  tickUpper: number,
  amount0: bigint,
  amount1: bigint,
): { liquidity: bigint; amount0: bigint; amount1: bigint } {
  const [price, lower, upper] = [
    jsbi(sqrtPriceX96),
    TickMath.getSqrtRatioAtTick(tickLower),
    TickMath.getSqrtRatioAtTick(tickUpper),
  ];
  const liquidityJsbi = maxLiquidityForAmounts(price, lower, upper, amount0.toString(), amount1.toString(), false);
  const liquidity = big(liquidityJsbi);
  const owed0 = (from: JSBI) => big(SqrtPriceMath.getAmount0Delta(from, upper, liquidityJsbi, true));
  const owed1 = (to: JSBI) => big(SqrtPriceMath.getAmount1Delta(lower, to, liquidityJsbi, true));
  if (JSBI.lessThanOrEqual(price, lower)) return { liquidity, amount0: owed0(lower), amount1: 0n };
  if (JSBI.lessThan(price, upper)) return { liquidity, amount0: owed0(price), amount1: owed1(price) };
  return { liquidity, amount0: 0n, amount1: owed1(upper) };
}
