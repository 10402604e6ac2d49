import { parsePercentage } from "@/lib/inputs";
import { planV2ToV3, type V2ToV3Plan, type V3PoolState } from "@/lib/migrationPlan";
import { type PriceGuardLevel, priceGuardLevel } from "@/lib/priceGuard";
import { type RangeChoice, type ResolvedRange, resolveRange } from "@/lib/rangePresets";
import { type FeeTier, priceFromSqrtPriceX96, sqrtPriceX96FromReserves } from "@/lib/uniswapV3";
import type { V2Position } from "@/lib/v2Positions";

/** What the user typed and picked for one position, kept as typed so nothing is lost on an error. */
export interface PositionDraft {
  percentage: string;
  fee: FeeTier;
  range: RangeChoice;
  /** The user confirmed migrating despite a large V2/V3 price difference. */
  deviationConfirmed: boolean;
}

export const DEFAULT_DRAFT: PositionDraft = {
  percentage: "100",
  fee: 3000,
  range: { preset: "full", minPrice: "", maxPrice: "" },
  deviationConfirmed: false,
};

export type ReadyPlan = {
  ok: true;
  position: V2Position;
  plan: V2ToV3Plan;
  range: ResolvedRange;
  price: number;
  guard: PriceGuardLevel;
  /** Whether the batch may go ahead with this position: no block, and any confirmation given. */
  sendable: boolean;
};

export type PositionPlan = ReadyPlan | { ok: false; error: string };

/** Validates a draft against the position and its destination pool, and plans the migration. */
export function planPosition(
  position: V2Position,
  draft: PositionDraft,
  pool: V3PoolState,
  slippageBps: number,
  chainId: number,
): PositionPlan {
  const percentage = parsePercentage(draft.percentage);
  if (!percentage.ok) return percentage;
  // The price the position is minted at: the pool's, or the V2 pair's for a pool the Migrator will create.
  const mintSqrtPrice =
    pool.sqrtPriceX96 > 0n ? pool.sqrtPriceX96 : sqrtPriceX96FromReserves(position.reserve0, position.reserve1);
  const price = priceFromSqrtPriceX96(mintSqrtPrice, position.token0.decimals, position.token1.decimals);
  const range = resolveRange(draft.range, price, position.token0.decimals, position.token1.decimals, draft.fee);
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
    },
    chainId,
  );
  if (plan.lpAmount === 0n) return { ok: false, error: "That share of the position is too small to migrate." };
  const guard = priceGuardLevel(plan.deviation);
  const sendable = guard === "ok" || guard === "warn" || (guard === "confirm" && draft.deviationConfirmed);
  return { ok: true, position, plan, range: range.value, price, guard, sendable };
}
