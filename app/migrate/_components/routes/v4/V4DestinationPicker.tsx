import type { Address } from "viem";
import { Alert } from "@/components/Alert";
import { pairKind } from "@/lib/uniswap/pairKind";
import { chosenPool, type V4DestinationDraft } from "@/lib/uniswap/v4/destination";
import { type PoolCurrencies, STANDARD_TIERS, tierLabel } from "@/lib/uniswap/v4/poolKey";
import { existingPoolTiers, v4PoolChoiceLabel } from "@/lib/uniswap/v4/poolLabels";
import { poolExists, type V4PoolState } from "@/lib/uniswap/v4/pools";
import { ChoiceChips } from "../../ChoiceChips";
import { RangeSettings } from "../../RangeSettings";

const tierId = ({ fee, tickSpacing }: { fee: number; tickSpacing: number }) => `${fee}/${tickSpacing}`;

/**
 * Where a position goes in Uniswap V4: ETH or WETH (different pools), the pair's hookless pools with how deep each is
 * (the deepest existing one by default), and the range. A pool that does not exist yet is named as such, and choosing
 * it shows what creating it means.
 */
export function V4DestinationPicker({
  id,
  name,
  draft,
  onChange,
  currencies,
  hasWeth,
  candidates,
  price,
  sourceVersion,
  prices,
  weth,
  keptRange,
}: {
  /** Unique on the page: names the radio groups. */
  id: string;
  /** The position's name, for the labels. */
  name: string;
  draft: V4DestinationDraft;
  onChange: (draft: V4DestinationDraft) => void;
  /** The pool's currencies for the draft (native ETH when chosen). */
  currencies: PoolCurrencies;
  /** The pair has WETH, so native ETH can be chosen. */
  hasWeth: boolean;
  /** The pools read for `currencies`, once read. */
  candidates: readonly V4PoolState[] | undefined;
  /** The price a deposit happens at (the chosen pool's, or the source's for a new pool), currency1 per currency0. */
  price: number;
  /** "V2": the version whose price a new pool starts at. */
  sourceVersion: string;
  prices: ReadonlyMap<string, bigint> | undefined;
  weth: Address;
  /** A source with a range of its own (a V3 position) offers to keep it instead of choosing a new one. */
  keptRange?: { kept: boolean; onChange: (kept: boolean) => void };
}) {
  const { currency0, currency1 } = currencies;
  const pool = candidates ? chosenPool(draft, candidates, currencies) : undefined;
  const choices = STANDARD_TIERS.map((tier) => {
    const candidate = candidates?.find(({ key }) => key.fee === tier.fee && key.tickSpacing === tier.tickSpacing);
    return {
      id: tierId(tier),
      label: candidate ? v4PoolChoiceLabel(candidate, currencies, prices, weth) : tierLabel(tier),
    };
  });
  const existing = candidates ? existingPoolTiers(candidates) : [];
  return (
    <div className="space-y-4">
      {hasWeth ? (
        <div className="space-y-1">
          <span className="text-sm font-medium" aria-hidden>
            ETH or WETH in V4
          </span>
          <ChoiceChips
            label={`ETH or WETH for ${name} in V4`}
            name={`v4-native-${id}`}
            choices={[
              { id: "weth", label: "WETH" },
              { id: "native", label: "Native ETH" },
            ]}
            checked={draft.native ? "native" : "weth"}
            // The other currency is another set of pools: start from its deepest one.
            onChange={(choice) => onChange({ ...draft, native: choice === "native", tier: undefined })}
          />
        </div>
      ) : null}
      <div className="space-y-1">
        <span className="text-sm font-medium" aria-hidden>
          {currency0.symbol} / {currency1.symbol} pool in V4
        </span>
        <ChoiceChips
          label={`V4 pool for ${name}`}
          name={`v4-pool-${id}`}
          choices={choices}
          checked={pool ? tierId(pool.key) : ""}
          onChange={(choice) => {
            const [fee, tickSpacing] = choice.split("/").map(Number) as [number, number];
            onChange({ ...draft, tier: { fee, tickSpacing } });
          }}
        />
        <p className="text-sm text-muted">Hook: none. Ferry deposits into hookless pools only.</p>
      </div>
      {keptRange ? (
        <ChoiceChips
          label={`Range of ${name} in V4`}
          name={`v4-kept-range-${id}`}
          choices={[
            { id: "kept", label: "Same range as now" },
            { id: "new", label: "A new range" },
          ]}
          checked={keptRange.kept ? "kept" : "new"}
          onChange={(choice) => keptRange.onChange(choice === "kept")}
        />
      ) : null}
      {keptRange?.kept ? null : (
        <RangeSettings
          name={name}
          id={`v4-${id}`}
          kind={pairKind(currency0.symbol, currency1.symbol)}
          price={price}
          priceUnit={`${currency1.symbol} per ${currency0.symbol}`}
          range={draft.range}
          onChange={(range) => onChange({ ...draft, range })}
        />
      )}
      {pool && !poolExists(pool) ? (
        <Alert tone="error">
          No one has opened a Uniswap V4 pool for {currency0.symbol} / {currency1.symbol} at {tierLabel(pool.key)} yet.
          Migrating here creates it at the {sourceVersion} price: you pay to initialise the pool (in the gas below), and
          your position is the only liquidity in it, so it earns no fees until traders and other providers come.
          {existing.length > 0
            ? ` Pools already trade at ${existing.join(", ")}: pick one of those to earn fees from their trades.`
            : null}
        </Alert>
      ) : null}
    </div>
  );
}
