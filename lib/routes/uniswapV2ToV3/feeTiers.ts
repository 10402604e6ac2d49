import { tokensUsd } from "../../aave/v3/usdPrices";
import { formatUsd } from "../../format";
import type { V2Position } from "../../uniswap/v2/positions";
import type { V3FeeTierPool } from "../../uniswap/v2ToV3Plan";

/** "0.3%". */
export const feeLabel = (fee: number) => `${fee / 10_000}%`;

/** USD value of the tokens a pool holds, when both prices are known. */
export const poolUsd = (
  tier: V3FeeTierPool,
  { token0, token1 }: V2Position,
  prices: ReadonlyMap<string, bigint> | undefined,
) =>
  tokensUsd(
    [
      [tier.balance0, token0],
      [tier.balance1, token1],
    ],
    prices,
  );

/** One fee tier as the choice shows it: "0.01% · $2,000,000.00 in the pool", or "0.3% · no pool yet". */
export function feeTierLabel(
  tier: V3FeeTierPool,
  position: V2Position,
  prices: ReadonlyMap<string, bigint> | undefined,
): string {
  if (tier.sqrtPriceX96 === 0n) return `${feeLabel(tier.fee)} · no pool yet`;
  const usd = poolUsd(tier, position, prices);
  return `${feeLabel(tier.fee)} · ${usd === undefined ? "pool exists" : `${formatUsd(usd)} in the pool`}`;
}

/** The tiers whose pool exists, deepest first, by name: what to suggest instead of creating a pool. */
export const existingTiers = (tiers: readonly V3FeeTierPool[]) =>
  tiers
    .filter((tier) => tier.sqrtPriceX96 > 0n)
    .sort((a, b) => (a.liquidity === b.liquidity ? 0 : a.liquidity > b.liquidity ? -1 : 1))
    .map((tier) => feeLabel(tier.fee));
