import type { Address } from "viem";
import { Card } from "@/components/Card";
import { formatAmount } from "@/lib/format";
import { positionName, positionUsd } from "@/lib/routes/uniswapV2ToV3/names";
import type { V2Position } from "@/lib/uniswap/v2/positions";
import { PositionRow } from "./PositionRow";

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
            <PositionRow
              key={position.pair}
              name={positionName(position)}
              usd={usd}
              checked={selected.has(position.pair)}
              onToggle={() => onToggle(position.pair)}
              disabled={disabled}
            >
              <p className="text-sm text-muted">
                {formatAmount(position.amount0, position.token0.decimals)} {position.token0.symbol} +{" "}
                {formatAmount(position.amount1, position.token1.decimals)} {position.token1.symbol}
              </p>
            </PositionRow>
          );
        })}
      </ul>
    </Card>
  );
}
