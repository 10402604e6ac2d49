import { formatAmount } from "../format";
import type { MigrationEvent } from "./events";
import type { LegSummary } from "./types";

type LiquidityMigration = Extract<MigrationEvent, { kind: "Migrated" }>["migration"];

/**
 * A liquidity route's `Migrated` amounts as the receipt reads them: "Deposited 1 WETH + 3,000 USDC; refunded …",
 * with the leg's token symbols and decimals (raw units for a token the leg does not list).
 */
export function depositedAndRefunded(migration: LiquidityMigration, leg: LegSummary | undefined): string {
  const tokenOf = (address: string) =>
    leg?.tokens.find((token) => token.address.toLowerCase() === address.toLowerCase());
  const [t0, t1] = [tokenOf(migration.token0), tokenOf(migration.token1)];
  const amount = (value: bigint, token: LegSummary["tokens"][number] | undefined) =>
    token ? `${formatAmount(value, token.decimals)} ${token.symbol}` : value.toString();
  return `Deposited ${amount(migration.amount0Deposited, t0)} + ${amount(migration.amount1Deposited, t1)}; refunded ${amount(migration.amount0Refunded, t0)} + ${amount(migration.amount1Refunded, t1)}${migration.refundedAsEth ? " (WETH as ETH)" : ""}.`;
}
