import { usdValue } from "../../aave/v3/usdPrices";
import type { V2Position } from "../../uniswap/v2/positions";

/** "WETH / USDC". */
export function positionName({ token0, token1 }: V2Position) {
  return `${token0.symbol} / ${token1.symbol}`;
}

/** USD value of what a position redeems for, when both prices are known. */
export function positionUsd(position: V2Position, prices: ReadonlyMap<string, bigint> | undefined): number | undefined {
  const price0 = prices?.get(position.token0.address.toLowerCase());
  const price1 = prices?.get(position.token1.address.toLowerCase());
  if (price0 === undefined || price1 === undefined) return undefined;
  return (
    usdValue(position.amount0, position.token0.decimals, price0) +
    usdValue(position.amount1, position.token1.decimals, price1)
  );
}
