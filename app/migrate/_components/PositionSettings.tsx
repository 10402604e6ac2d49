import { Field } from "@/components/Field";
import { parsePercentage } from "@/lib/inputs";
import { RANGE_PRESETS, type RangePresetId } from "@/lib/rangePresets";
import { FEE_TIERS, type FeeTier } from "@/lib/uniswapV3";
import type { V2Position } from "@/lib/v2Positions";
import type { PositionDraft } from "./draft";
import { positionName } from "./PositionList";

const feeLabel = (fee: FeeTier) => `${fee / 10_000}%`;

/** Share, fee tier and range of one position, edited as typed. */
export function PositionSettings({
  position,
  draft,
  onChange,
  disabled,
}: {
  position: V2Position;
  draft: PositionDraft;
  onChange: (draft: PositionDraft) => void;
  disabled: boolean;
}) {
  const percentage = parsePercentage(draft.percentage);
  const name = positionName(position);
  const priceUnit = `${position.token1.symbol} per ${position.token0.symbol}`;
  return (
    <fieldset disabled={disabled} className="space-y-4">
      <legend className="sr-only">Settings for {name}</legend>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label={`Share of ${name} to move (%)`}
          value={draft.percentage}
          onChange={(event) => onChange({ ...draft, percentage: event.target.value })}
          error={percentage.ok ? undefined : percentage.error}
        />
        <label className="block space-y-1">
          <span className="text-sm font-medium">Fee tier of the V3 pool</span>
          <select
            value={draft.fee}
            onChange={(event) =>
              onChange({ ...draft, fee: Number(event.target.value) as FeeTier, deviationConfirmed: false })
            }
            className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-800"
          >
            {FEE_TIERS.map((fee) => (
              <option key={fee} value={fee}>
                {feeLabel(fee)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div role="radiogroup" aria-label={`Price range for ${name}`} className="flex flex-wrap gap-2">
        {RANGE_PRESETS.map((preset) => (
          <label
            key={preset.id}
            className="cursor-pointer rounded-lg border border-slate-300 px-3 py-1.5 text-sm has-checked:border-ferry-600 has-checked:bg-ferry-50 dark:border-slate-700 dark:has-checked:bg-ferry-900"
          >
            <input
              type="radio"
              className="sr-only"
              name={`range-${position.pair}`}
              checked={draft.range.preset === preset.id}
              onChange={() => onChange({ ...draft, range: { ...draft.range, preset: preset.id as RangePresetId } })}
            />
            {preset.label}
          </label>
        ))}
      </div>
      {draft.range.preset === "custom" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label={`Min price (${priceUnit})`}
            value={draft.range.minPrice}
            onChange={(event) => onChange({ ...draft, range: { ...draft.range, minPrice: event.target.value } })}
          />
          <Field
            label={`Max price (${priceUnit})`}
            value={draft.range.maxPrice}
            onChange={(event) => onChange({ ...draft, range: { ...draft.range, maxPrice: event.target.value } })}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
