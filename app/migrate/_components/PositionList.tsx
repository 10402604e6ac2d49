import type { Address } from "viem";
import { Card } from "@/components/Card";
import { formatAmount } from "@/lib/format";
import type { V2Position } from "@/lib/v2Positions";

export function positionName({ token0, token1 }: V2Position) {
  return `${token0.symbol} / ${token1.symbol}`;
}

export function PositionList({
  positions,
  selected,
  onSelect,
}: {
  positions: V2Position[];
  selected: Address | undefined;
  onSelect: (pair: Address) => void;
}) {
  return (
    <Card title="Your Uniswap V2 liquidity">
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {positions.map((position) => (
          <li key={position.pair} className="flex flex-wrap items-center justify-between gap-3 py-3">
            <div>
              <p className="font-medium">{positionName(position)}</p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {formatAmount(position.amount0, position.token0.decimals)} {position.token0.symbol} +{" "}
                {formatAmount(position.amount1, position.token1.decimals)} {position.token1.symbol} · {""}
                {formatAmount(position.lpBalance, 18)} LP
              </p>
            </div>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="position"
                checked={selected === position.pair}
                onChange={() => onSelect(position.pair)}
                aria-label={`Migrate ${positionName(position)}`}
              />
              Migrate
            </label>
          </li>
        ))}
      </ul>
    </Card>
  );
}
