/** One choice among a few, as a row of labelled radio chips (arrow keys move between them). */
export function ChoiceChips<T extends string>({
  label,
  name,
  choices,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  name: string;
  choices: readonly { id: T; label: string }[];
  checked: T;
  onChange: (id: T) => void;
  disabled?: boolean;
}) {
  return (
    <div role="radiogroup" aria-label={label} aria-disabled={disabled} className="flex flex-wrap gap-2">
      {choices.map((choice) => (
        <label
          key={choice.id}
          className="cursor-pointer rounded-lg border border-slate-300 px-3 py-1.5 text-sm has-checked:border-ferry-600 has-checked:bg-ferry-50 has-disabled:cursor-default has-disabled:opacity-60 dark:border-slate-700 dark:has-checked:bg-ferry-900"
        >
          <input
            type="radio"
            className="sr-only"
            name={name}
            checked={checked === choice.id}
            disabled={disabled}
            onChange={() => onChange(choice.id)}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
