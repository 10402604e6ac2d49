"use client";

import { useSlowNetwork } from "@/hooks/useSlowNetwork";
import { useUnreachableNode } from "@/hooks/useUnreachableNode";
import { Alert } from "./Alert";
import { Button } from "./Button";

/**
 * Says in words that the network node does not answer (with a retry), or that reads are slow, so a long wait is not
 * mistaken for a hung page; it goes when they answer.
 */
export function SlowNetworkNotice() {
  const slow = useSlowNetwork();
  const node = useUnreachableNode();
  if (node.unreachable) {
    return (
      <Alert tone="error">
        <p>
          Ferry cannot reach the network node: it refused or dropped the connection. Check your internet connection and
          the network (RPC) your wallet uses; nothing was sent.
        </p>
        <Button variant="secondary" className="mt-2" onClick={node.retry}>
          Retry
        </Button>
      </Alert>
    );
  }
  return slow ? (
    <Alert tone="info">
      The network is slow to answer — still trying… You can keep editing; what you see updates when the answer comes.
    </Alert>
  ) : null;
}
