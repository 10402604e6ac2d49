"use client";

import { useSlowNetwork } from "@/hooks/useSlowNetwork";
import { Alert } from "./Alert";

/** Says in words that reads are slow, so a long wait is not mistaken for a hung page; it goes when they answer. */
export function SlowNetworkNotice() {
  return useSlowNetwork() ? (
    <Alert tone="info">
      The network is slow to answer — still trying… You can keep editing; what you see updates when the answer comes.
    </Alert>
  ) : null;
}
