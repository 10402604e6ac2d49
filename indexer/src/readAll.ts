import type { Context } from "ponder:registry";
import { type Abi, type Address, decodeFunctionResult, encodeFunctionData, type Hex, parseAbi, size } from "viem";
import { MULTICALL3 } from "../../lib/chain/multicall3";

export interface Call {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

/**
 * Multicall3's `tryAggregate`, declared `view` so that it is read with `eth_call` (it only forwards the calls).
 * Ponder's client caches every `aggregate3` call (viem's `multicall`) in its own `ponder_sync.rpc_request_results`
 * row, written once and looked up on every replay: a row and a lookup per position. A `tryAggregate` is one `eth_call`
 * to Ponder, cached as one row per batch, and it keeps `allowFailure`'s semantics (`requireSuccess` false).
 */
const tryAggregateAbi = parseAbi([
  "function tryAggregate(bool requireSuccess, (address target, bytes callData)[] calls) view returns ((bool success, bytes returnData)[])",
]);

/**
 * Calldata bytes per batch: ~450 position reads, a few million gas, well inside an RPC's `eth_call` gas cap (viem's
 * multicall default of 1 KiB would split a 10,000-position snapshot into ~700 requests).
 */
const BATCH_BYTES = 16_384;

/**
 * Every call's result at the handler's block, read in Multicall3 batches that tolerate failures: a call that reverts
 * or answers garbage is undefined (worth 0 with a reason, like `tolerant`). A batch that fails as a whole (the RPC is
 * down, no Multicall3 on the chain) throws, so Ponder retries the event rather than recording false zeros.
 */
export async function readAll(context: Context, calls: readonly Call[]): Promise<unknown[]> {
  const encoded = calls.map((call) => ({ target: call.address, callData: encodeFunctionData(call) }));
  const batches: (typeof encoded)[] = [];
  let bytes = BATCH_BYTES;
  for (const call of encoded) {
    if (bytes + size(call.callData) > BATCH_BYTES) {
      batches.push([]);
      bytes = 0;
    }
    batches.at(-1)?.push(call);
    bytes += size(call.callData);
  }
  const answers = await Promise.all(
    batches.map((batch) =>
      context.client.readContract({
        address: MULTICALL3,
        abi: tryAggregateAbi,
        functionName: "tryAggregate",
        args: [false, batch],
        retryEmptyResponse: false,
      }),
    ),
  );
  return answers
    .flat()
    .map(({ success, returnData }, i) => (success ? decoded(calls[i] as Call, returnData) : undefined));
}

/** A call's answer decoded by its ABI, or undefined when it is not what the function returns. */
function decoded(call: Call, data: Hex): unknown {
  try {
    return decodeFunctionResult({ abi: call.abi, functionName: call.functionName, data });
  } catch {
    return undefined;
  }
}
