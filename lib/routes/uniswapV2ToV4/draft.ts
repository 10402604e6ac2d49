import type { Address } from "viem";
import { parsePercentage } from "../../inputs";
import { NO_PERMIT } from "../../migrator/encoding";
import { type PriceGuardLevel, priceGuardLevel } from "../../uniswap/priceGuard";
import { lpUnderlying, shareOf, withdrawalMinimum } from "../../uniswap/v2/liquidity";
import type { V2Position } from "../../uniswap/v2/positions";
import { sqrtPriceX96FromReserves } from "../../uniswap/v3/poolMath";
import {
  DEFAULT_V4_DRAFT,
  planV4Destination,
  type V4DestinationDraft,
  type V4DestinationPlan,
} from "../../uniswap/v4/destination";
import type { V4PoolState } from "../../uniswap/v4/pools";
import type { HeldV4Position } from "../../uniswap/v4/positions";
import type { Planned } from "../types";
import type { UniswapV2ToV4Params } from "./params";

/** What the user typed and picked for one V2 position going to V4, kept as typed. */
export interface V2ToV4Draft {
  percentage: string;
  destination: V4DestinationDraft;
  /** The user confirmed migrating despite a large V2/V4 price difference. */
  deviationConfirmed: boolean;
}

export const DEFAULT_V2_TO_V4_DRAFT: V2ToV4Draft = {
  percentage: "100",
  destination: DEFAULT_V4_DRAFT,
  deviationConfirmed: false,
};

/** A V2 position planned into V4, with what the preview shows. */
export interface V2ToV4Plan {
  position: V2Position;
  lpAmount: bigint;
  /** What the V2 burn returns, in the pair's order. */
  withdrawn: { amount0: bigint; amount1: bigint };
  v2SqrtPriceX96: bigint;
  v4: V4DestinationPlan;
  params: UniswapV2ToV4Params;
  guard: PriceGuardLevel;
  /** Whether the batch may go ahead with this position: no block, and any confirmation given. */
  sendable: boolean;
}

export interface V2ToV4Input {
  position: V2Position;
  draft: V2ToV4Draft;
  /** The V4 pools read for the draft's currencies. */
  candidates: readonly V4PoolState[];
  weth: Address;
  slippageBps: number;
  /** The user's V4 positions: the draft may add to one in the chosen pool. */
  held: readonly HeldV4Position[];
}

/**
 * Plans one V2 position into V4: the share of LP tokens, what the burn returns (with minimums at the slippage
 * tolerance), and the V4 destination, whose missing pool the route creates at the V2 pair's price.
 */
export function planV2ToV4({ position, draft, candidates, weth, slippageBps, held }: V2ToV4Input): Planned<V2ToV4Plan> {
  const percentage = parsePercentage(draft.percentage);
  if (!percentage.ok) return percentage;
  const lpAmount = shareOf(position.lpBalance, percentage.value);
  const withdrawn = lpUnderlying(lpAmount, position.lpTotalSupply, position.reserve0, position.reserve1);
  if (lpAmount === 0n || withdrawn.amount0 === 0n || withdrawn.amount1 === 0n) {
    return { ok: false, error: "That share of the position is too small to migrate." };
  }
  const v2SqrtPriceX96 = sqrtPriceX96FromReserves(position.reserve0, position.reserve1);
  const v4 = planV4Destination({
    source: { token0: position.token0, token1: position.token1, ...withdrawn, sqrtPriceX96: v2SqrtPriceX96 },
    draft: draft.destination,
    candidates,
    weth,
    slippageBps,
    held,
  });
  if (!v4.ok) return v4;
  const params: UniswapV2ToV4Params = {
    token0: position.token0.address,
    token1: position.token1.address,
    lpAmount,
    percentageBps: 0,
    amount0MinWithdrawn: withdrawalMinimum(withdrawn.amount0, slippageBps),
    amount1MinWithdrawn: withdrawalMinimum(withdrawn.amount1, slippageBps),
    permit: NO_PERMIT,
    destination: v4.value.destination,
  };
  const guard = priceGuardLevel(v4.value.deviation);
  const sendable = guard === "ok" || guard === "warn" || (guard === "confirm" && draft.deviationConfirmed);
  return {
    ok: true,
    plan: { position, lpAmount, withdrawn, v2SqrtPriceX96, v4: v4.value, params, guard, sendable },
  };
}
