import type { PositionDraft } from "@/lib/routes/uniswapV2ToV3/draft";
import { feeLabel, feeTierLabel } from "@/lib/routes/uniswapV2ToV3/feeTiers";
import { positionName } from "@/lib/routes/uniswapV2ToV3/names";
import { pairKind } from "@/lib/uniswap/pairKind";
import { spotPrice } from "@/lib/uniswap/v2/liquidity";
import type { V2Position } from "@/lib/uniswap/v2/positions";
import type { V3FeeTierPool } from "@/lib/uniswap/v2ToV3Plan";
import { FEE_TIERS, type FeeTier } from "@/lib/uniswap/v3/poolMath";
import type { HeldV3Position } from "@/lib/uniswap/v3/positions";
import { type RangeChoice, rangeChoiceOfTicks } from "@/lib/uniswap/v3/rangePresets";
import { ChoiceChips } from "./ChoiceChips";
import { RangeSettings } from "./RangeSettings";
import { ShareField } from "./ShareField";

/** A held position's range as the user's own choice would show it. */
const heldRange = (held: HeldV3Position, position: V2Position, fee: FeeTier) =>
  rangeChoiceOfTicks(held.tickLower, held.tickUpper, position.token0.decimals, position.token1.decimals, fee);

/** Share, fee tier, destination and range of one position, edited as typed. */
export function PositionSettings({
  position,
  draft,
  tiers,
  prices,
  destinations,
  onChange,
  disabled,
}: {
  position: V2Position;
  draft: PositionDraft;
  /** The pair's pool in each fee tier, once read. */
  tiers: V3FeeTierPool[] | undefined;
  /** USD quotes (8 decimals) by lowercase address, to say how much each pool holds. */
  prices: ReadonlyMap<string, bigint> | undefined;
  /** The user's V3 positions in the chosen pool: the liquidity can go into one of them instead of a new one. */
  destinations: HeldV3Position[];
  onChange: (draft: PositionDraft) => void;
  disabled: boolean;
}) {
  const name = positionName(position);
  const priceUnit = `${position.token1.symbol} per ${position.token0.symbol}`;
  const kind = pairKind(position.token0.symbol, position.token1.symbol);
  const price = spotPrice(position.reserve0, position.reserve1, position.token0.decimals, position.token1.decimals);
  const destination = destinations.find(({ tokenId }) => tokenId === draft.tokenId);
  // A held position fixes the range: shown read-only, while the user's own choice waits in the draft.
  const range = destination ? heldRange(destination, position, draft.fee) : draft.range;
  const setRange = (next: RangeChoice) => onChange({ ...draft, range: next });
  const destinationChoices = [
    { id: "0", label: "A new position" },
    ...destinations.map((held) => {
      const shown = heldRange(held, position, draft.fee);
      const bounds = shown.preset === "full" ? "full range" : `${shown.minPrice}–${shown.maxPrice} ${priceUnit}`;
      return { id: held.tokenId.toString(), label: `Add to your position #${held.tokenId} (${bounds})` };
    }),
  ];
  return (
    <fieldset disabled={disabled} className="space-y-4">
      <legend className="sr-only">Settings for {name}</legend>
      <ShareField name={name} value={draft.percentage} onChange={(percentage) => onChange({ ...draft, percentage })} />
      <div className="space-y-1">
        <span className="text-sm font-medium" aria-hidden>
          Fee tier of the V3 pool
        </span>
        <ChoiceChips
          label={`Fee tier for ${name}`}
          name={`fee-${position.pair}`}
          choices={FEE_TIERS.map((fee) => {
            const tier = tiers?.find((candidate) => candidate.fee === fee);
            return { id: String(fee), label: tier ? feeTierLabel(tier, position, prices) : feeLabel(fee) };
          })}
          checked={String(draft.fee)}
          onChange={(fee) =>
            // Held positions belong to one fee tier: a new tier starts from a new position.
            onChange({ ...draft, fee: Number(fee) as FeeTier, tokenId: 0n, deviationConfirmed: false })
          }
        />
      </div>
      {destinations.length > 0 || draft.tokenId !== 0n ? (
        <div className="space-y-1">
          <span className="text-sm font-medium" aria-hidden>
            Destination
          </span>
          <ChoiceChips
            label={`Destination for ${name}`}
            name={`destination-${position.pair}`}
            choices={destinationChoices}
            checked={draft.tokenId.toString()}
            onChange={(id) => onChange({ ...draft, tokenId: BigInt(id) })}
          />
        </div>
      ) : null}
      <RangeSettings
        name={name}
        id={position.pair}
        kind={kind}
        price={price}
        priceUnit={priceUnit}
        range={draft.range}
        shown={range}
        fixed={destination !== undefined}
        onChange={setRange}
      />
      {destination ? <p className="text-sm text-muted">The range of position #{destination.tokenId}.</p> : null}
    </fieldset>
  );
}
