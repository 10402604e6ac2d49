import { tokensUsd } from "../../aave/v3/usdPrices";
import type { TokenAmount } from "../../signing/typedData";
import { lpUnderlying } from "../../uniswap/v2/liquidity";
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

/** What `lpAmount` of the position's LP token redeems for at the pair's reserves, in its two tokens. */
export function lpWorth(position: V2Position, lpAmount: bigint): TokenAmount[] {
  const { amount0, amount1 } = lpUnderlying(lpAmount, position.lpTotalSupply, position.reserve0, position.reserve1);
  return [
    { symbol: position.token0.symbol, decimals: position.token0.decimals, amount: amount0 },
    { symbol: position.token1.symbol, decimals: position.token1.decimals, amount: amount1 },
  ];
}
