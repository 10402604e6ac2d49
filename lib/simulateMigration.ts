import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Hex,
  type PublicClient,
  parseEventLogs,
} from "viem";
import { migratorAbi, uniswapV2PairAbi } from "./generated/abis";
import { type MigratorPosition, migrateCall } from "./migration";

export interface SimulationInput {
  migrator: Address;
  owner: Address;
  /** LP tokens the Migrator pulls, each `{ token, amount }`: approved inside the simulation in place of permits. */
  pulls: { token: Address; amount: bigint }[];
  positions: MigratorPosition[];
  deadline: bigint;
  unwrapWeth: boolean;
}

/** A migration that the chain would revert, with the Migrator's custom error decoded when it is one. */
export class MigrationRevert extends Error {
  override name = "MigrationRevert";
  constructor(
    readonly errorName: string | undefined,
    readonly args: readonly unknown[],
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs the migration on the current chain state without sending it (eth_simulateV1): approvals stand in for the
 * permits not signed yet, then `migrate`. Returns the Migrated events it would emit and the gas `migrate` used,
 * or throws a MigrationRevert.
 */
export async function simulateMigration(client: PublicClient, input: SimulationInput) {
  const approvals = input.pulls.map(({ token, amount }) => ({
    to: token,
    abi: uniswapV2PairAbi,
    functionName: "approve" as const,
    args: [input.migrator, amount] as const,
  }));
  const { results } = await client.simulateCalls({
    account: input.owner,
    calls: [...approvals, migrateCall(input.migrator, input.positions, input.deadline, input.unwrapWeth)],
  });
  const migrate = results.at(-1);
  if (!migrate) throw new Error("the simulation returned no result");
  if (migrate.status !== "success") throw decodeRevert(migrate.data, migrate.error);
  const events = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: migrate.logs ?? [] });
  return { migrations: events.map((event) => event.args), gasUsed: migrate.gasUsed };
}

function decodeRevert(data: Hex, error: unknown): MigrationRevert {
  try {
    const decoded = decodeErrorResult({ abi: migratorAbi, data });
    return new MigrationRevert(decoded.errorName, decoded.args ?? [], decoded.errorName);
  } catch {
    const message = error instanceof BaseError ? error.shortMessage : "the migration would revert";
    return new MigrationRevert(undefined, [], message);
  }
}

/** One `Migrated` event's accounting (IMigrator.LiquidityMigration). */
export type LiquidityMigration = Awaited<ReturnType<typeof simulateMigration>>["migrations"][number]["migration"];

/** The Migrator's custom error inside a viem contract-call error (simulateContract, estimateGas), if any. */
export function migrationRevertFrom(error: unknown): MigrationRevert | undefined {
  if (!(error instanceof BaseError)) return undefined;
  const reverted = error.walk((cause) => cause instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined;
  return new MigrationRevert(
    reverted.data?.errorName,
    reverted.data?.args ?? [],
    reverted.reason ?? reverted.shortMessage,
  );
}
