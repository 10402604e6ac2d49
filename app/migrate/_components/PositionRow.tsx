import type { ReactNode } from "react";
import { formatUsd } from "@/lib/format";

/** One source position in a list: its name and USD value, what it holds (`children`), and its "Migrate" checkbox. */
export function PositionRow({
  name,
  usd,
  checked,
  onToggle,
  disabled,
  children,
}: {
  name: string;
  /** Undefined while prices load or when a token has none. */
  usd: number | undefined;
  checked: boolean;
  onToggle: () => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-3 py-3">
      <div>
        <p className="font-medium">
          {name}
          {usd === undefined ? null : <span className="ml-2 text-muted">{formatUsd(usd)}</span>}
        </p>
        {children}
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={checked}
          onChange={onToggle}
          disabled={disabled}
          aria-label={`Migrate ${name}`}
          className="size-4"
        />
        Migrate
      </label>
    </li>
  );
}
