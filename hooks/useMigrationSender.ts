import type { Address, PublicClient, TransactionReceipt } from "viem";
import { usePublicClient, useWriteContract } from "wagmi";
import { describeWalletError } from "@/lib/chain/walletErrors";
import { migratorAbi } from "@/lib/generated/abis";
import type { MigratorPosition } from "@/lib/migrator/encoding";
import { describeMigrationError } from "@/lib/migrator/errors";
import { MigrationRevert, migrationRevertFrom } from "@/lib/migrator/simulate";
import { usePendingTransaction, WHY_UNSUCCESSFUL } from "./usePendingTransaction";

const KEPT = "Your choices and signatures are kept: migrate again when you are ready.";
/** A sent transaction that was mined without migrating; the message is the sentence to show. */
export class NothingMigrated extends Error {}

/** A failed migration step as a sentence: the Migrator's own error when it is one, the wallet's otherwise. */
export function describeMigrationFailure(error: unknown): string {
  if (error instanceof MigrationRevert) return describeMigrationError(error.errorName, error.message);
  if (error instanceof NothingMigrated) return error.message;
  return describeWalletError(error);
}

/**
 * Sends one `migrate` transaction: simulated with the real authorisations first, so a revert is explained before
 * any gas is paid; then followed until mined, through replacements and cancellations.
 */
export function useMigrationSender(owner: Address, migrator: Address) {
  const client = usePublicClient() as PublicClient;
  const { writeContractAsync } = useWriteContract();
  const { follow, pending } = usePendingTransaction();

  const send = async (
    positions: MigratorPosition[],
    deadline: bigint,
    unwrapWeth: boolean,
  ): Promise<TransactionReceipt> => {
    const request = {
      address: migrator,
      abi: migratorAbi,
      functionName: "migrate",
      args: [positions, deadline, unwrapWeth],
      account: owner,
    } as const;
    const explained = (caught: unknown) => {
      throw migrationRevertFrom(caught) ?? caught;
    };
    await client.simulateContract(request).catch(explained);
    // The wallet estimates gas again, on its own node and block: a revert there is decoded the same way.
    const { receipt, failed } = await follow(await writeContractAsync(request).catch(explained));
    if (failed) throw new NothingMigrated(`${WHY_UNSUCCESSFUL[failed]}, so nothing was migrated. ${KEPT}`);
    return receipt;
  };

  return { send, pending };
}
