import { useState } from "react";
import type { Address, Hash, PublicClient, TransactionReceipt } from "viem";
import { usePublicClient, useWriteContract } from "wagmi";
import { migratorAbi } from "@/lib/generated/abis";
import type { MigratorPosition } from "@/lib/migration";
import { describeMigrationError } from "@/lib/migrationErrors";
import { MigrationRevert, migrationRevertFrom } from "@/lib/simulateMigration";
import { describeWalletError } from "@/lib/walletErrors";

/** A failed migration step as a sentence: the Migrator's own error when it is one, the wallet's otherwise. */
export function describeMigrationFailure(error: unknown): string {
  return error instanceof MigrationRevert
    ? describeMigrationError(error.errorName, error.message)
    : describeWalletError(error);
}

/**
 * Sends one `migrate` transaction: simulated with the real authorisations first, so a revert is explained before
 * any gas is paid; then followed until mined, through replacements and cancellations.
 */
export function useMigrationSender(owner: Address, migrator: Address) {
  const client = usePublicClient() as PublicClient;
  const { writeContractAsync } = useWriteContract();
  const [pending, setPending] = useState<{ hash: Hash; note?: string }>();

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
    await client.simulateContract(request).catch((caught) => {
      throw migrationRevertFrom(caught) ?? caught;
    });
    const hash = await writeContractAsync(request);
    setPending({ hash });
    let cancelled = false;
    const receipt = await client
      .waitForTransactionReceipt({
        hash,
        onReplaced: ({ reason, transaction }) => {
          cancelled = reason === "cancelled";
          setPending({
            hash: transaction.hash,
            note: `Your wallet ${cancelled ? "cancelled" : "replaced"} the transaction.`,
          });
        },
      })
      .finally(() => setPending(undefined));
    if (cancelled) throw new Error("The transaction was cancelled in your wallet. Nothing was migrated.");
    if (receipt.status !== "success") throw new Error("The transaction reverted. Nothing was migrated.");
    return receipt;
  };

  return { send, pending };
}
