import { sqrtPriceBounds } from "../../uniswap/v3/poolMath";
import { amount0Delta, amount1Delta, positionAmounts, sqrtRatioAtTick } from "../../uniswap/v3/positionAmounts";
import type { V3SourcePosition } from "../../uniswap/v3/sourcePositions";

/** The whole position, in basis points: the route burns the NFT. */
export const WHOLE_POSITION_BPS = 10_000;

/** What the V3 leg of a migration takes out of the position, in the V3 pool's token order. */
export interface V3Withdrawal {
  percentageBps: number;
  /** The liquidity removed, as the route computes it from the share. */
  liquidity: bigint;
  /** What removing it pays at the pool's price now. */
  principal: { amount0: bigint; amount1: bigint };
  /** The least the removal may pay anywhere in the slippage band: the route's `amount{0,1}MinWithdrawn`. */
  minWithdrawn: { amount0: bigint; amount1: bigint };
  /** The uncollected fees (all of them, whatever the share), deposited or refunded. */
  fees: { amount0: bigint; amount1: bigint };
  depositFees: boolean;
  /** What the V4 deposit is offered: the principal, plus the fees if they are deposited. */
  offered: { amount0: bigint; amount1: bigint };
}

/** The amounts `liquidity` in [tickLower, tickUpper) stands for at a sqrt price, clamped to the range. */
function principalAtSqrtPrice(sqrtPriceX96: bigint, tickLower: number, tickUpper: number, liquidity: bigint) {
  const [lower, upper] = [sqrtRatioAtTick(tickLower), sqrtRatioAtTick(tickUpper)];
  const price = sqrtPriceX96 < lower ? lower : sqrtPriceX96 > upper ? upper : sqrtPriceX96;
  return { amount0: amount0Delta(price, upper, liquidity), amount1: amount1Delta(lower, price, liquidity) };
}

// biome-ignore lint/complexity/useMathMinMax: Math.min takes no bigint
const least = (...amounts: bigint[]) => amounts.reduce((a, b) => (b < a ? b : a));

/**
 * Plans the V3 leg: the share of the liquidity removed (all of it at 100%, as the route does, so nothing is left
 * to round), its principal now, its minimums at the edges of the slippage band around the V3 pool's price (token0
 * paid falls and token1 rises with the price, so the edges are the worst cases) and what the V4 deposit is offered.
 */
export function planWithdrawal(
  position: V3SourcePosition,
  percentageBps: number,
  depositFees: boolean,
  slippageBps: number,
): V3Withdrawal {
  const { sqrtPriceX96, tick, tickLower, tickUpper } = position;
  const liquidity =
    percentageBps === WHOLE_POSITION_BPS
      ? position.liquidity
      : (position.liquidity * BigInt(percentageBps)) / BigInt(WHOLE_POSITION_BPS);
  const { amount0, amount1 } = positionAmounts(sqrtPriceX96, tick, tickLower, tickUpper, liquidity);
  const bounds = sqrtPriceBounds(sqrtPriceX96, slippageBps);
  const [atMin, atMax] = [bounds.min, bounds.max].map((edge) =>
    principalAtSqrtPrice(edge, tickLower, tickUpper, liquidity),
  ) as [{ amount0: bigint; amount1: bigint }, { amount0: bigint; amount1: bigint }];
  const fees = { amount0: position.fees0, amount1: position.fees1 };
  return {
    percentageBps,
    liquidity,
    principal: { amount0, amount1 },
    minWithdrawn: {
      amount0: least(amount0, atMin.amount0, atMax.amount0),
      amount1: least(amount1, atMin.amount1, atMax.amount1),
    },
    fees,
    depositFees,
    offered: depositFees ? { amount0: amount0 + fees.amount0, amount1: amount1 + fees.amount1 } : { amount0, amount1 },
  };
}
