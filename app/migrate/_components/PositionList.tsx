import type { Address } from "viem";
import { Card } from "@/components/Card";
import { usdValue } from "@/lib/aave/v3/usdPrices";
import { formatAmount, formatUsd } from "@/lib/format";
import type { V2Position } from "@/lib/uniswap/v2/positions";

export function positionName({ token0, token1 }: V2Position) {
  return `${token0.symbol} / ${token1.symbol}`;
}

/** USD value of what a position redeems for, when both prices are known. */
export function positionUsd(position: V2Position, prices: Map<string, bigint> | undefined): number | undefined {
  const price0 = prices?.get(position.token0.address.toLowerCase());
  const price1 = prices?.get(position.token1.address.toLowerCase());
  if (price0 === undefined || price1 === undefined) return undefined;
  return (
    usdValue(position.amount0, position.token0.decimals, price0) +
    usdValue(position.amount1, position.token1.decimals, price1)
  );
}

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
