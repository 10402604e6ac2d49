import type { Address } from "viem";
import { Alert } from "@/components/Alert";
import type { HeldV4Positions } from "@/hooks/useV4Positions";
import { pairKind } from "@/lib/uniswap/pairKind";
import { chosenPool, type V4DestinationDraft } from "@/lib/uniswap/v4/destination";
import { type PoolCurrencies, STANDARD_TIERS, tierLabel } from "@/lib/uniswap/v4/poolKey";
import {
  existingPoolTiers,
  heldPositionChoiceLabel,
  heldRangeChoice,
  v4PoolChoiceLabel,
} from "@/lib/uniswap/v4/poolLabels";
import { poolExists, type V4PoolState } from "@/lib/uniswap/v4/pools";
import { positionsInPool } from "@/lib/uniswap/v4/positions";
import { ChoiceChips } from "../../ChoiceChips";
import { RangeSettings } from "../../RangeSettings";

const tierId = ({ fee, tickSpacing }: { fee: number; tickSpacing: number }) => `${fee}/${tickSpacing}`;

/**
 * Where a position goes in Uniswap V4: ETH or WETH (different pools), the pair's hookless pools with how deep each is
 * (the deepest existing one by default), a new position or one the user holds in that pool, and the range (a held
 * position's, read-only). A pool that does not exist yet is named as such, and choosing it shows what creating it
 * means.
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
  held,
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
  /** The user's V4 positions, any pool (those in the chosen pool are offered), or why they could not be read. */
  held: HeldV4Positions;
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
  const heldInPool = pool ? positionsInPool(held.positions, pool.id) : [];
  const addsTo = heldInPool.find(({ tokenId }) => tokenId === draft.tokenId);
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
            onChange={(choice) => onChange({ ...draft, native: choice === "native", tier: undefined, tokenId: 0n })}
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
            // Held positions belong to one pool: another pool starts from a new position.
            onChange({ ...draft, tier: { fee, tickSpacing }, tokenId: 0n });
          }}
        />
        <p className="text-sm text-muted">Hook: none. Ferry deposits into hookless pools only.</p>
      </div>
      {heldInPool.length > 0 || draft.tokenId !== 0n ? (
        <div className="space-y-1">
          <span className="text-sm font-medium" aria-hidden>
            Destination in V4
          </span>
          <ChoiceChips
            label={`Destination for ${name} in V4`}
            name={`v4-destination-${id}`}
            choices={[
              { id: "0", label: "A new position" },
              ...heldInPool.map((position) => ({
                id: position.tokenId.toString(),
                label: heldPositionChoiceLabel(position, currencies),
              })),
            ]}
            checked={draft.tokenId.toString()}
            onChange={(choice) => onChange({ ...draft, tokenId: BigInt(choice) })}
          />
        </div>
      ) : null}
      {held.unreadable ? (
        <p className="text-sm text-muted">
          Ferry could not read your Uniswap V4 positions, so it mints a new one. {held.unreadable}
        </p>
      ) : null}
      {keptRange && !addsTo ? (
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
      {keptRange?.kept && !addsTo ? null : (
        <RangeSettings
          name={name}
          id={`v4-${id}`}
          kind={pairKind(currency0.symbol, currency1.symbol)}
          price={price}
          priceUnit={`${currency1.symbol} per ${currency0.symbol}`}
          range={draft.range}
          // A held position fixes the range: shown read-only, while the user's own choice waits in the draft.
          shown={addsTo ? heldRangeChoice(addsTo, currencies) : draft.range}
          fixed={addsTo !== undefined}
          onChange={(range) => onChange({ ...draft, range })}
        />
      )}
      {addsTo ? <p className="text-sm text-muted">The range of position #{addsTo.tokenId}.</p> : null}
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
