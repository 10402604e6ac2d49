import type { Hash } from "viem";
import { Alert } from "@/components/Alert";

/** A sent transaction not mined yet, with its hash so the user can find it in the wallet or an explorer. */
export function PendingTransaction({ hash }: { hash: Hash }) {
  return (
    <Alert tone="info">
      Transaction pending: waiting for it to be mined. <code className="break-all">{hash}</code>
    </Alert>
  );
}
