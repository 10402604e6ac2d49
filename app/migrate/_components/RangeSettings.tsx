import { Field } from "@/components/Field";
import type { PairKind } from "@/lib/uniswap/pairKind";
import { pickRangePreset, type RangeChoice, type RangePresetId, rangePresets } from "@/lib/uniswap/v3/rangePresets";
import { ChoiceChips } from "./ChoiceChips";

/**
 * The price range of a new position, V3 or V4: one-click presets sized to the pair, or custom bounds as typed. A range
 * fixed elsewhere (a held position's) is shown read-only in `shown`, while the user's own choice waits in `range`.
 */
export function RangeSettings({
  name,
  id,
  kind,
  price,
  priceUnit,
  range,
  shown = range,
  fixed = false,
  onChange,
}: {
  /** The position's name, for the labels ("WETH / USDC"). */
  name: string;
  /** Unique on the page: names the radio group. */
  id: string;
  kind: PairKind;
  /** The current price the presets are sized around, in `priceUnit`. */
  price: number;
  priceUnit: string;
  range: RangeChoice;
  shown?: RangeChoice;
  fixed?: boolean;
  onChange: (range: RangeChoice) => void;
}) {
  return (
    <>
      <ChoiceChips
        label={`Price range for ${name}`}
        name={`range-${id}`}
        choices={rangePresets(kind)}
        checked={shown.preset}
        onChange={(preset: RangePresetId) => onChange(pickRangePreset(range, preset, price, kind))}
        disabled={fixed}
      />
      {shown.preset === "custom" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={`Min price (${priceUnit})`}
            value={shown.minPrice}
            readOnly={fixed}
            onChange={(event) => onChange({ ...range, minPrice: event.target.value })}
          />
          <Field
            label={`Max price (${priceUnit})`}
            value={shown.maxPrice}
            readOnly={fixed}
            onChange={(event) => onChange({ ...range, maxPrice: event.target.value })}
          />
        </div>
      ) : null}
    </>
  );
}
