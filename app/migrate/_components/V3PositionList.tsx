import { Card } from "@/components/Card";
import { tokensUsd } from "@/lib/aave/v3/usdPrices";
import { formatAmount } from "@/lib/format";
import { v3PositionLabel } from "@/lib/routes/uniswapV3ToV4";
import type { V3SourcePosition } from "@/lib/uniswap/v3/sourcePositions";
import { PositionRow } from "./PositionRow";

const amounts = (amount0: bigint, amount1: bigint, { token0, token1 }: V3SourcePosition) =>
  `${formatAmount(amount0, token0.decimals)} ${token0.symbol} + ${formatAmount(amount1, token1.decimals)} ${token1.symbol}`;

/** The account's V3 positions: what each holds at the pool's price, its uncollected fees, and whether it is in range. */
export function V3PositionList({
  positions,
  prices,
  selected,
  onToggle,
}: {
  positions: V3SourcePosition[];
  prices: ReadonlyMap<string, bigint> | undefined;
  selected: ReadonlySet<string>;
  onToggle: (tokenId: bigint) => void;
}) {
  return (
    <Card title="Your Uniswap V3 positions">
      <ul className="divide-y divide-slate-200 dark:divide-slate-800">
        {positions.map((position) => {
          const name = v3PositionLabel(position);
          const usd = tokensUsd(
            [
              [position.amount0 + position.fees0, position.token0],
              [position.amount1 + position.fees1, position.token1],
            ],
            prices,
          );
          return (
            <PositionRow
              key={position.tokenId}
              name={name}
              usd={usd}
              checked={selected.has(position.tokenId.toString())}
              onToggle={() => onToggle(position.tokenId)}
            >
              <p className="text-sm text-muted">
                {amounts(position.amount0, position.amount1, position)} ·{" "}
                {position.inRange ? "in range" : "out of range: earns no fees"}
              </p>
              <p className="text-sm text-muted">
                Uncollected fees: {amounts(position.fees0, position.fees1, position)}
              </p>
            </PositionRow>
          );
        })}
      </ul>
    </Card>
  );
}
