import { type InputHTMLAttributes, useId } from "react";

/** A labelled text input with its validation message announced and linked for screen readers. */
export function Field({
  label,
  error,
  className = "",
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; error?: string }) {
  const id = useId();
  return (
    <label className={`block space-y-1 ${className}`}>
      <span className="text-sm font-medium">{label}</span>
      <input
        inputMode="decimal"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? id : undefined}
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-800"
        {...props}
      />
      {error ? (
        <span id={id} className="block text-sm text-red-700 dark:text-red-300">
          {error}
        </span>
      ) : null}
    </label>
  );
}
