/** One headline figure, named for assistive technology by its label. */
export function StatTile({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <section
      aria-label={label}
      className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <p className="text-sm text-muted">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      {hint ? <p className="text-xs text-muted">{hint}</p> : null}
    </section>
  );
}
