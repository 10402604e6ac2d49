import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  type Hex,
  type PublicClient,
  parseEventLogs,
} from "viem";
import { migratorAbi } from "../generated/abis";
import type { AuthorizationCall } from "../signing/authorizations";
import { type MigratorPosition, migrateCall } from "./encoding";
import { decodeRevertData, revertDataIn } from "./errors";

export interface SimulationInput {
  migrator: Address;
  owner: Address;
  /** Approvals and delegations that stand in for the signatures not made yet, run before `migrate`. */
  authorizations: AuthorizationCall[];
  positions: MigratorPosition[];
  deadline: bigint;
  unwrapWeth: boolean;
  /** Placeholder signatures in `positions` (`batchSimulation`): each fails at `ecrecover` where the real one goes on. */
  unreachedSignatures: number;
}

/**
 * The most gas a signed permit or credit delegation spends after its `ecrecover` (Uniswap V2 pair and Aave V2 aToken
 * `permit`, Aave V3 debt token `delegationWithSig`), which a placeholder signature never reaches: the nonce's first
 * write (SSTORE of a zero slot, already warm: 20,000), the allowance's first write to a cold slot (2,100 + 20,000)
 * and its log (4 topics and one word: 375 + 4 × 375 + 32 × 8 = 2,131). The few hundred gas of instructions in between
 * need no margin: the simulation already overpays more for the same allowance, which it reads cold after the failed
 * permit (2,000 more) and spends from a non-zero original value (2,800 more) where the signed transaction finds it warm
 * and freshly written.
 */
export const SIGNATURE_WRITES_GAS = 20_000n + 2_100n + 20_000n + 2_131n;

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
 * signatures not made yet, then `migrate`. Returns what its Migrated and LendingMigrated events would report, the gas
 * `migrate` used, and `gasUpperBound`, what the signed transaction can use at most (gas refunds only lower it), or throws
 * a MigrationRevert.
 */
export async function simulateMigration(client: PublicClient, input: SimulationInput) {
  const { results } = await client.simulateCalls({
    account: input.owner,
    calls: [...input.authorizations, migrateCall(input.migrator, input.positions, input.deadline, input.unwrapWeth)],
  });
  const migrate = results.at(-1);
  if (!migrate) throw new Error("the simulation returned no result");
  if (migrate.status !== "success") throw decodeRevert(migrate.data, migrate.error);
  const logs = migrate.logs ?? [];
  const events = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs });
  const lending = parseEventLogs({ abi: migratorAbi, eventName: "LendingMigrated", logs });
  return {
    migrations: events.map((event) => event.args),
    lendingMigrations: lending.map((event) => event.args.migration),
    gasUsed: migrate.gasUsed,
    gasUpperBound: migrate.gasUsed + BigInt(input.unreachedSignatures) * SIGNATURE_WRITES_GAS,
  };
}

function decodeRevert(data: Hex, error: unknown): MigrationRevert {
  const decoded = decodeRevertData(data);
  if (decoded) return new MigrationRevert(decoded.errorName, decoded.args, decoded.reason);
  const message = error instanceof BaseError ? error.shortMessage : "the migration would revert";
  return new MigrationRevert(undefined, [], message);
}

/** One `Migrated` event's accounting (IMigrator.LiquidityMigration). */
export type LiquidityMigration = Awaited<ReturnType<typeof simulateMigration>>["migrations"][number]["migration"];

/**
 * The revert inside an error from any contract call (simulateContract, the wallet's gas estimate or send), decoded
 * against every known ABI; undefined when the error is not a revert (a rejection, an unreachable node).
 */
export function migrationRevertFrom(error: unknown): MigrationRevert | undefined {
  const reverted =
    error instanceof BaseError ? error.walk((cause) => cause instanceof ContractFunctionRevertedError) : undefined;
  const data = revertDataIn(error);
  const decoded = data ? decodeRevertData(data) : undefined;
  if (decoded) return new MigrationRevert(decoded.errorName, decoded.args, decoded.reason);
  if (!(reverted instanceof ContractFunctionRevertedError)) return undefined;
  return new MigrationRevert(undefined, [], reverted.reason ?? reverted.shortMessage);
}
