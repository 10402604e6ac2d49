import { parsePercentage } from "@/lib/inputs";
import { type PriceGuardLevel, priceGuardLevel } from "@/lib/uniswap/priceGuard";
import type { V2Position } from "@/lib/uniswap/v2/positions";
import { planV2ToV3, type V2ToV3Plan, type V3PoolState } from "@/lib/uniswap/v2ToV3Plan";
import { type FeeTier, priceFromSqrtPriceX96, sqrtPriceX96FromReserves } from "@/lib/uniswap/v3/poolMath";
import { chosenDestination, type HeldV3Position, matchingPositions } from "@/lib/uniswap/v3/positions";
import { type RangeChoice, type ResolvedRange, rangeFromTicks, resolveRange } from "@/lib/uniswap/v3/rangePresets";

/** What the user typed and picked for one position, kept as typed so nothing is lost on an error. */
export interface PositionDraft {
  percentage: string;
  fee: FeeTier;
  /** The user's own range; kept while a held position's range stands in for it, so switching back loses nothing. */
  range: RangeChoice;
  /** The held V3 position to add to (its range replaces `range`), or 0n for a new position. */
  tokenId: bigint;
  /** The user confirmed migrating despite a large V2/V3 price difference. */
  deviationConfirmed: boolean;
}

export const DEFAULT_DRAFT: PositionDraft = {
  percentage: "100",
  fee: 3000,
  range: { preset: "full", minPrice: "", maxPrice: "" },
  tokenId: 0n,
  deviationConfirmed: false,
};

export type ReadyPlan = {
  ok: true;
  position: V2Position;
  plan: V2ToV3Plan;
  range: ResolvedRange;
  /** The held position the liquidity is added to, if any. */
  destination: HeldV3Position | undefined;
  price: number;
  guard: PriceGuardLevel;
  /** Whether the batch may go ahead with this position: no block, and any confirmation given. */
  sendable: boolean;
};

export type PositionPlan = ReadyPlan | { ok: false; error: string };

/** The held positions of the draft's pool that the position can be added to. */
export const destinationsFor = (position: V2Position, fee: FeeTier, held: readonly HeldV3Position[]) =>
  matchingPositions(held, position.token0.address, position.token1.address, fee);

/**
 * Validates a draft against the position, its destination pool and the V3 positions the user holds, and plans
 * the migration.
 */
export function planPosition(
  position: V2Position,
  draft: PositionDraft,
  pool: V3PoolState,
  held: readonly HeldV3Position[],
  slippageBps: number,
  chainId: number,
): PositionPlan {
  const percentage = parsePercentage(draft.percentage);
  if (!percentage.ok) return percentage;
  // The price the position is minted at: the pool's, or the V2 pair's for a pool the Migrator will create.
  const mintSqrtPrice =
    pool.sqrtPriceX96 > 0n ? pool.sqrtPriceX96 : sqrtPriceX96FromReserves(position.reserve0, position.reserve1);
  const [decimals0, decimals1] = [position.token0.decimals, position.token1.decimals];
  const price = priceFromSqrtPriceX96(mintSqrtPrice, decimals0, decimals1);
  const chosen = chosenDestination(held, position.token0.address, position.token1.address, draft.fee, draft.tokenId);
  if (!chosen.ok) return chosen;
  const destination = chosen.value;
  const range = destination
    ? {
        ok: true as const,
        value: rangeFromTicks(destination.tickLower, destination.tickUpper, price, decimals0, decimals1, draft.fee),
      }
    : resolveRange(draft.range, price, decimals0, decimals1, draft.fee);
  if (!range.ok) return range;
  const plan = planV2ToV3(
    position,
    pool,
    {
      percentageBps: percentage.value,
      fee: draft.fee,
      tickLower: range.value.tickLower,
      tickUpper: range.value.tickUpper,
      slippageBps,
      tokenId: draft.tokenId,
    },
    chainId,
  );
  if (plan.lpAmount === 0n) return { ok: false, error: "That share of the position is too small to migrate." };
  const guard = priceGuardLevel(plan.deviation);
  const sendable = guard === "ok" || guard === "warn" || (guard === "confirm" && draft.deviationConfirmed);
  return { ok: true, position, plan, range: range.value, destination, price, guard, sendable };
}
