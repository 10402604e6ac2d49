import { type Query, useQueryClient } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { BaseError, HttpRequestError, TimeoutError } from "viem";

/**
 * Failed attempts in a row before the node is called unreachable: the first failure may be a blip, and TanStack
 * retries it a second later.
 */
export const UNREACHABLE_AFTER_FAILURES = 2;

/** Whether an error is the node not answering (refused, dropped, timed out), as opposed to an answer that is an error. */
export function isUnreachableNode(error: unknown): boolean {
  return (
    error instanceof BaseError &&
    error.walk((cause) => cause instanceof HttpRequestError || cause instanceof TimeoutError) !== null
  );
}

/**
 * A read that keeps failing because the node does not answer. Disabled reads do not count: Retry (TanStack's
 * `refetchQueries`) skips them, so one that failed before it was disabled would hold the alert up for good.
 */
const cannotReachNode = (query: Query) =>
  !query.isDisabled() &&
  query.state.fetchFailureCount >= UNREACHABLE_AFTER_FAILURES &&
  isUnreachableNode(query.state.fetchFailureReason);

/**
 * Whether some read keeps failing because the network node does not answer, and a retry of those reads: the page
 * says so instead of "slow… still trying" while TanStack's retries run out.
 */
export function useUnreachableNode() {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const unreachable = useSyncExternalStore(
    useCallback((onChange) => cache.subscribe(onChange), [cache]),
    () => cache.getAll().some(cannotReachNode),
    () => false,
  );
  const retry = async () => {
    const failing = new Set(cache.findAll({ predicate: cannotReachNode }));
    const filters = { predicate: (query: Query) => failing.has(query) };
    // A read that never answered joins its own pending fetch on a refetch, which waits out TanStack's backoff (up to
    // 8 s) or stays paused: cancel those fetches (back to their state before it) so that every one starts afresh now.
    await queryClient.cancelQueries(filters);
    await queryClient.refetchQueries(filters);
  };
  return { unreachable, retry };
}
