import { type Hex, numberToHex, type Transport } from "viem";

/**
 * The gas limit to send with anvil's estimate. Anvil estimates the exact gas at the pending block's timestamp, but
 * the protocols spend more on their first touch in a new second (Uniswap V2's price accumulators, Aave's index
 * update): estimated in the second of an earlier update and mined in the next, the transaction runs out of gas, which
 * happens under load. Callbacks that forward 63/64 of the gas (V4's unlock) need more than the estimate too. Wallets
 * add such headroom; twice the estimate covers both here.
 */
export const gasWithHeadroom = (estimate: bigint) => estimate * 2n;

const withHeadroom = (gas: Hex) => numberToHex(gasWithHeadroom(BigInt(gas)));

interface FilledTransaction {
  raw: Hex;
  tx: { gas: Hex };
}

/**
 * `transport` with headroom on the gas the node estimates: in `eth_estimateGas` answers, and in the transactions
 * `eth_fillTransaction` completes when the caller gave no gas (how viem's wallet clients fill a transaction to send).
 */
export function withGasHeadroom<T extends Transport>(transport: T): T {
  return ((params) => {
    const inner = transport(params);
    return {
      ...inner,
      request: async (args, options) => {
        const answer = await inner.request(args, options);
        if (args.method === "eth_estimateGas") return withHeadroom(answer as Hex);
        const [request] = (args.params ?? []) as [{ gas?: Hex }?];
        if (args.method !== "eth_fillTransaction" || request?.gas !== undefined) return answer;
        const filled = answer as FilledTransaction;
        return { ...filled, tx: { ...filled.tx, gas: withHeadroom(filled.tx.gas) } };
      },
    };
  }) as T;
}
