import type { Address } from "viem";
import { type Parsed, parsePercentage } from "../../inputs";
import { type PriceGuardLevel, priceGuardLevel } from "../../uniswap/priceGuard";
import type { V3SourcePosition } from "../../uniswap/v3/sourcePositions";
import {
  chosenPool,
  DEFAULT_V4_DRAFT,
  planV4Destination,
  type V4DestinationDraft,
  type V4DestinationPlan,
} from "../../uniswap/v4/destination";
import { poolCurrencies } from "../../uniswap/v4/poolKey";
import type { V4PoolState } from "../../uniswap/v4/pools";
import type { HeldV4Position } from "../../uniswap/v4/positions";
import type { Planned } from "../types";
import { planWithdrawal, type V3Withdrawal } from "./withdrawal";

/**
 * The V3 position's ticks as a range of the V4 pool, in the pool's order: negated and swapped when native ETH
 * reverses the pair. Refused when the pool's tick spacing does not divide them.
 */
export function v3RangeInPool(
  position: Pick<V3SourcePosition, "tickLower" | "tickUpper">,
  pool: Pick<V4PoolState, "key">,
  flipped: boolean,
): Parsed<{ tickLower: number; tickUpper: number }> {
  const [tickLower, tickUpper] = flipped
    ? [-position.tickUpper, -position.tickLower]
    : [position.tickLower, position.tickUpper];
  const { tickSpacing } = pool.key;
  if (tickLower % tickSpacing !== 0 || tickUpper % tickSpacing !== 0) {
    return {
      ok: false,
      error: `This V4 pool places ranges every ${tickSpacing} ticks and your V3 range does not fit them: choose a new range or another pool.`,
    };
  }
  return { ok: true, value: { tickLower, tickUpper } };
}

/** What the user typed and picked for one V3 position, kept as typed so nothing is lost on an error. */
export interface V3ToV4Draft {
  /** The share of the position's liquidity, in percent: 100 burns the NFT. */
  percentage: string;
  /** The position's uncollected fees join the deposit; otherwise they are refunded. */
  depositFees: boolean;
  destination: V4DestinationDraft;
  /** The V4 position keeps the V3 position's range (the draft's own range waits meanwhile). */
  keepV3Range: boolean;
  /** The user confirmed migrating despite a large V3/V4 price difference. */
  deviationConfirmed: boolean;
}

export const DEFAULT_V3_TO_V4_DRAFT: V3ToV4Draft = {
  percentage: "100",
  // As Uniswap's own V3 → V4 migration: everything the position holds moves.
  depositFees: true,
  destination: DEFAULT_V4_DRAFT,
  // A position out of range holds one token, which only a range on the same side of the price can take.
  keepV3Range: true,
  deviationConfirmed: false,
};

/** One V3 position with the user's draft and the chain state its plan reads. */
export interface UniswapV3ToV4Input {
  position: V3SourcePosition;
  draft: V3ToV4Draft;
  /** The V4 pools read for the draft's currencies (`candidatePoolKeys`). */
  candidates: readonly V4PoolState[];
  weth: Address;
  slippageBps: number;
  /** The user's V4 positions: the draft may add to one in the chosen pool. */
  held: readonly HeldV4Position[];
}

/** A V3 position planned for the Migrator, with what the preview shows. */
export interface UniswapV3ToV4Plan {
  position: V3SourcePosition;
  withdrawal: V3Withdrawal;
  destination: V4DestinationPlan;
  guard: PriceGuardLevel;
  /** Whether the batch may go ahead with this position: no block, and any confirmation given. */
  sendable: boolean;
}

/** Validates a draft against the position and the V4 pools read for it, and plans both legs of the migration. */
export function planV3ToV4({
  position,
  draft,
  candidates,
  weth,
  slippageBps,
  held,
}: UniswapV3ToV4Input): Planned<UniswapV3ToV4Plan> {
  const percentage = parsePercentage(draft.percentage);
  if (!percentage.ok) return percentage;
  const withdrawal = planWithdrawal(position, percentage.value, draft.depositFees, slippageBps);
  if (withdrawal.liquidity === 0n) return { ok: false, error: "That share of the position is too small to migrate." };
  const currencies = poolCurrencies(position.token0, position.token1, weth, draft.destination.native);
  // A held V4 position fixes the range instead.
  const ticks =
    draft.keepV3Range && draft.destination.tokenId === 0n
      ? v3RangeInPool(position, chosenPool(draft.destination, candidates, currencies), currencies.flipped)
      : undefined;
  if (ticks && !ticks.ok) return ticks;
  const destination = planV4Destination({
    source: {
      token0: position.token0,
      token1: position.token1,
      ...withdrawal.offered,
      // A missing V4 pool starts at the V3 pool's price, as the route initialises it.
      sqrtPriceX96: position.sqrtPriceX96,
    },
    draft: draft.destination,
    candidates,
    weth,
    slippageBps,
    held,
    ticks: ticks?.value,
  });
  if (!destination.ok) return destination;
  const planned = destination.value;
  const guard = priceGuardLevel(planned.deviation);
  const sendable = guard === "ok" || guard === "warn" || (guard === "confirm" && draft.deviationConfirmed);
  return { ok: true, plan: { position, withdrawal, destination: planned, guard, sendable } };
}
