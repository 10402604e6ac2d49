import { useIsFetching } from "@tanstack/react-query";
import { useEffect, useState } from "react";

/** How long reads may take before the page says the network is slow, rather than showing only a spinner. */
export const SLOW_NETWORK_AFTER_MS = 4_000;

/** Whether some query has been fetching, without a pause, for longer than `afterMs`. */
export function useSlowNetwork(afterMs = SLOW_NETWORK_AFTER_MS): boolean {
  const fetching = useIsFetching() > 0;
  const [waitedLong, setWaitedLong] = useState(false);
  useEffect(() => {
    setWaitedLong(false);
    if (!fetching) return;
    const timer = setTimeout(() => setWaitedLong(true), afterMs);
    return () => clearTimeout(timer);
  }, [fetching, afterMs]);
  return fetching && waitedLong;
}
