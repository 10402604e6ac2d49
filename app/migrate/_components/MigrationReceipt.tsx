import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { formatAmount } from "@/lib/format";
import type { V2Position } from "@/lib/uniswap/v2/positions";
import { positionName } from "./PositionList";
import type { MigrationResult } from "./SignAndMigrate";

/** What the transaction did, read from its Migrated events. */
export function MigrationReceipt({
  result,
  positions,
  onAgain,
}: {
  result: MigrationResult;
  positions: V2Position[];
  onAgain: () => void;
}) {
  return (
    <Card title="Migrated">
      <Alert tone="success">
        Done in one transaction (<code className="break-all">{result.hash}</code>,{" "}
        {result.gasUsed.toLocaleString("en-US")} gas).
      </Alert>
      <ul className="space-y-2 text-sm" aria-label="Migrated positions">
        {result.migrations.map(({ source, migration }) => {
          const position = positions.find((p) => p.pair.toLowerCase() === source.toLowerCase());
          const [t0, t1] = [position?.token0, position?.token1];
          const added = result.addedTo?.includes(migration.tokenId) ?? false;
          const amount = (value: bigint, token: typeof t0) =>
            token ? `${formatAmount(value, token.decimals)} ${token.symbol}` : value.toString();
          return (
            <li key={`${source}-${migration.tokenId}`}>
              <p className="font-medium">
                {position ? positionName(position) : source} → {added ? "added to your " : ""}Uniswap V3 position #
                {migration.tokenId.toString()}
              </p>
              <p>
                Deposited {amount(migration.amount0Deposited, t0)} + {amount(migration.amount1Deposited, t1)}; refunded{" "}
                {amount(migration.amount0Refunded, t0)} + {amount(migration.amount1Refunded, t1)}
                {migration.refundedAsEth ? " (WETH as ETH)" : ""}.
              </p>
            </li>
          );
        })}
      </ul>
      {result.movedAave ? (
        <p className="text-sm">Your Aave V2 position moved to Aave V3 in the same transaction.</p>
      ) : null}
      <Button variant="secondary" onClick={onAgain}>
        Migrate another position
      </Button>
    </Card>
  );
}
