import { Field } from "@/components/Field";
import { parsePercentage } from "@/lib/inputs";

/** The "share of the position to move" input every liquidity route's settings open with, validated as typed. */
export function ShareField({
  name,
  value,
  onChange,
}: {
  /** The position as the label names it, e.g. "position #12". */
  name: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const percentage = parsePercentage(value);
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field
        label={`Share of ${name} to move (%)`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        error={percentage.ok ? undefined : percentage.error}
      />
    </div>
  );
}
