import type { Address } from "viem";
import { Card } from "@/components/Card";
import { formatAmount, formatUsd } from "@/lib/format";
import { positionName, positionUsd } from "@/lib/routes/uniswapV2ToV3/names";
import type { V2Position } from "@/lib/uniswap/v2/positions";

export function PositionList({
  positions,
  prices,
  selected,
  onToggle,
  disabled,
}: {
  positions: V2Position[];
  prices: Map<string, bigint> | undefined;
  selected: Set<Address>;
  onToggle: (pair: Address) => void;
  disabled: boolean;
}) {
  return (
    <Card title="Your Uniswap V2 liquidity">
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {positions.map((position) => {
          const usd = positionUsd(position, prices);
          return (
            <li key={position.pair} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium">
                  {positionName(position)}
                  {usd === undefined ? null : <span className="ml-2 text-muted">{formatUsd(usd)}</span>}
                </p>
                <p className="text-sm text-muted">
                  {formatAmount(position.amount0, position.token0.decimals)} {position.token0.symbol} +{" "}
                  {formatAmount(position.amount1, position.token1.decimals)} {position.token1.symbol}
                </p>
              </div>
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={selected.has(position.pair)}
                  onChange={() => onToggle(position.pair)}
                  disabled={disabled}
                  aria-label={`Migrate ${positionName(position)}`}
                  className="size-4"
                />
                Migrate
              </label>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
