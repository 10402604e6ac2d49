import { useState } from "react";
import type { Hash, PublicClient, ReplacementReason, TransactionReceipt } from "viem";
import { usePublicClient } from "wagmi";

/** How a sent transaction can end without doing what it was sent for (a sped-up, "repriced", one still does it). */
export const WHY_UNSUCCESSFUL = {
  cancelled: "The transaction was cancelled in your wallet",
  replaced: "Your wallet replaced the transaction with a different one",
  reverted: "The transaction reverted",
} as const;

export type UnsuccessfulOutcome = keyof typeof WHY_UNSUCCESSFUL;

/**
 * Follows sent transactions until mined, through replacements and cancellations, and exposes the one being waited
 * for (to show it as pending).
 */
export function usePendingTransaction() {
  const client = usePublicClient() as PublicClient;
  const [pending, setPending] = useState<{ hash: Hash }>();

  const follow = async (hash: Hash): Promise<{ receipt: TransactionReceipt; failed?: UnsuccessfulOutcome }> => {
    setPending({ hash });
    let replacedBecause: ReplacementReason | undefined;
    const receipt = await client
      .waitForTransactionReceipt({
        hash,
        // A sent transaction can sit in the pool for long and still be mined: follow it, never time out.
        timeout: 0,
        // viem spots a replacement by the sender's nonce in new blocks: a sped-up one (same call, higher fee) is
        // "repriced" and is followed to its receipt; a cancel or a different call does not do what was sent.
        onReplaced: ({ reason }) => {
          replacedBecause = reason;
        },
      })
      .finally(() => setPending(undefined));
    const outcome = replacedBecause === "repriced" ? receipt.status : (replacedBecause ?? receipt.status);
    return outcome === "success" ? { receipt } : { receipt, failed: outcome };
  };

  return { follow, pending };
}
