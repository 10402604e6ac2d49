import type { Address } from "viem";
import { tokensUsd } from "../../aave/v3/usdPrices";
import { formatUsd } from "../../format";
import { type RangeChoice, rangeChoiceOfTicks } from "../v3/rangePresets";
import type { V4DestinationPlan } from "./destination";
import { type PoolCurrencies, tierLabel, v4PoolName } from "./poolKey";
import { fullRangeEquivalent, poolExists, type V4PoolState } from "./pools";
import type { HeldV4Position } from "./positions";

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

type Currencies = Pick<PoolCurrencies, "currency0" | "currency1">;

/** A held position's range as the user's own choice would show it (full range, or custom bounds), read-only. */
export const heldRangeChoice = (held: HeldV4Position, { currency0, currency1 }: Currencies): RangeChoice =>
  rangeChoiceOfTicks(held.tickLower, held.tickUpper, currency0.decimals, currency1.decimals, held.key);

/** A held position as a destination choice: "Add to your position #12 (1800.00–2200.00 USDC per ETH, liquidity 1,000)". */
export function heldPositionChoiceLabel(held: HeldV4Position, currencies: Currencies): string {
  const range = heldRangeChoice(held, currencies);
  const bounds =
    range.preset === "full"
      ? "full range"
      : `${range.minPrice}–${range.maxPrice} ${currencies.currency1.symbol} per ${currencies.currency0.symbol}`;
  return `Add to your position #${held.tokenId} (${bounds}, liquidity ${held.liquidity.toLocaleString("en-US")})`;
}

/** The preview's destination line: "A new Uniswap V4 position in ETH / USDC 0.05%", or the held position added to. */
export function v4DestinationLine({
  currencies,
  pool,
  addsTo,
}: Pick<V4DestinationPlan, "currencies" | "pool" | "addsTo">) {
  const poolName = v4PoolName(currencies, pool.key);
  return addsTo
    ? `Your V4 position #${addsTo.tokenId} in ${poolName}, in its range`
    : `A new Uniswap V4 position in ${poolName}`;
}
