import { type Log, parseEventLogs } from "viem";
import { migratorAbi } from "../generated/abis";

const MIGRATOR_EVENTS = ["Migrated", "LendingMigrated"] as const;

/** One of the Migrator's per-position events (`Migrated` for liquidity, `LendingMigrated` for lending), decoded. */
export type MigrationEvent = ReturnType<typeof parseMigrationEvents>[number];

/** The Migrator's per-position events in the logs, in log order (the order of the batch's legs). */
export function parseMigrationEvents(logs: Log[]) {
  return parseEventLogs({ abi: migratorAbi, eventName: [...MIGRATOR_EVENTS], logs }).map((log) =>
    log.eventName === "Migrated"
      ? { kind: "Migrated" as const, ...log.args }
      : { kind: "LendingMigrated" as const, ...log.args },
  );
}
