import { tokensUsd } from "../../aave/v3/usdPrices";
import type { V2Position } from "../../uniswap/v2/positions";

/** "WETH / USDC". */
export function positionName({ token0, token1 }: V2Position) {
  return `${token0.symbol} / ${token1.symbol}`;
}

/** USD value of what a position redeems for, when both prices are known. */
export const positionUsd = (position: V2Position, prices: ReadonlyMap<string, bigint> | undefined) =>
  tokensUsd(
    [
      [position.amount0, position.token0],
      [position.amount1, position.token1],
    ],
    prices,
  );
