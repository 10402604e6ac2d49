import type { Address } from "viem";
import { tokensUsd } from "../../aave/v3/usdPrices";
import { formatUsd } from "../../format";
import { type PoolCurrencies, tierLabel } from "./poolKey";
import { fullRangeEquivalent, poolExists, type V4PoolState } from "./pools";

/** USD quotes with native ETH (the zero address) priced as WETH. */
export const withNativeEth = (prices: ReadonlyMap<string, bigint> | undefined, weth: Address) => {
  const eth = prices?.get(weth.toLowerCase());
  return prices && eth !== undefined
    ? new Map([...prices, ["0x0000000000000000000000000000000000000000", eth]])
    : prices;
};

/** How deep a pool is in USD: its in-range liquidity as a full-range position's tokens, when both prices are known. */
export function poolDepthUsd(
  pool: V4PoolState,
  { currency0, currency1 }: Pick<PoolCurrencies, "currency0" | "currency1">,
  prices: ReadonlyMap<string, bigint> | undefined,
  weth: Address,
): number | undefined {
  const { amount0, amount1 } = fullRangeEquivalent(pool);
  return tokensUsd(
    [
      [amount0, currency0],
      [amount1, currency1],
    ],
    withNativeEth(prices, weth),
  );
}

/** One candidate pool as the picker shows it: "0.05% · $2,000,000.00 deep", or "1% · no pool yet". */
export function v4PoolChoiceLabel(
  pool: V4PoolState,
  currencies: Pick<PoolCurrencies, "currency0" | "currency1">,
  prices: ReadonlyMap<string, bigint> | undefined,
  weth: Address,
): string {
  if (!poolExists(pool)) return `${tierLabel(pool.key)} · no pool yet`;
  const usd = poolDepthUsd(pool, currencies, prices, weth);
  return `${tierLabel(pool.key)} · ${usd === undefined ? "pool exists" : `${formatUsd(usd)} deep`}`;
}

/** The tiers whose pool exists, deepest first, by name: what to suggest instead of creating a pool. */
export const existingPoolTiers = (pools: readonly V4PoolState[]) =>
  pools
    .filter(poolExists)
    .sort((a, b) => (a.liquidity === b.liquidity ? 0 : a.liquidity > b.liquidity ? -1 : 1))
    .map((pool) => tierLabel(pool.key));
