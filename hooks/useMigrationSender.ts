import { useState } from "react";
import type { Address, Hash, PublicClient, ReplacementReason, TransactionReceipt } from "viem";
import { usePublicClient, useWriteContract } from "wagmi";
import { describeWalletError } from "@/lib/chain/walletErrors";
import { migratorAbi } from "@/lib/generated/abis";
import type { MigratorPosition } from "@/lib/migrator/encoding";
import { describeMigrationError } from "@/lib/migrator/errors";
import { MigrationRevert, migrationRevertFrom } from "@/lib/migrator/simulate";

const KEPT = "Your choices and signatures are kept: migrate again when you are ready.";
/** A sped-up ("repriced") replacement migrates as sent; these outcomes do not. */
const WHY_NOTHING_MIGRATED = {
  cancelled: "The transaction was cancelled in your wallet",
  replaced: "Your wallet replaced the transaction with a different one",
  reverted: "The transaction reverted",
} as const;

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
  const [pending, setPending] = useState<{ hash: Hash }>();

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
    const hash = await writeContractAsync(request).catch(explained);
    setPending({ hash });
    let replacedBecause: ReplacementReason | undefined;
    const receipt = await client
      .waitForTransactionReceipt({
        hash,
        // A sent transaction can sit in the pool for long and still be mined: follow it, never time out.
        timeout: 0,
        // viem spots a replacement by the sender's nonce in new blocks: a sped-up one (same call, higher fee) is
        // "repriced" and is followed to its receipt; a cancel or a different call migrates nothing.
        onReplaced: ({ reason }) => {
          replacedBecause = reason;
        },
      })
      .finally(() => setPending(undefined));
    const outcome = replacedBecause === "repriced" ? receipt.status : (replacedBecause ?? receipt.status);
    if (outcome !== "success") {
      throw new NothingMigrated(`${WHY_NOTHING_MIGRATED[outcome]}, so nothing was migrated. ${KEPT}`);
    }
    return receipt;
  };

  return { send, pending };
}
