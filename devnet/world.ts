import { type AnvilNode, rpc, startAnvil } from "./anvil";
import { ensureWorld } from "./build-world";
import { WORLD_CHAIN_ID } from "./deploy/config";
import { WORLD_STATE } from "./world-files";

export interface RunningChain extends AnvilNode {
  chainId: number;
}

export interface ChainOptions {
  port?: number;
  /**
   * Also mine a block every this many seconds, as a real chain does, so block time follows the clock even while
   * nobody sends anything (permit deadlines are read from it). Transactions are still mined at once.
   * Without it the chain mines only on a transaction: what tests want.
   */
  blockTime?: number;
}

const miningArgs = ({ blockTime }: ChainOptions) =>
  blockTime === undefined ? [] : ["--block-time", String(blockTime), "--mixed-mining"];

/**
 * Starts anvil on the world (building it first on a cache miss), or, with `forkUrl`, on a fork of that RPC.
 * `--load-state` does not restore the chain id, so it is always passed: signatures' domains depend on it.
 */
export async function startWorld({
  forkUrl,
  ...options
}: ChainOptions & { forkUrl?: string } = {}): Promise<RunningChain> {
  if (forkUrl) return startFork(forkUrl, options);
  await ensureWorld();
  const node = await startAnvil(
    ["--chain-id", String(WORLD_CHAIN_ID), "--load-state", WORLD_STATE, ...miningArgs(options)],
    options.port,
  );
  return { ...node, chainId: WORLD_CHAIN_ID };
}

/**
 * Starts anvil forking `upstreamRpcUrl` (mainnet, or the world node itself), keeping the upstream chain id.
 * Tests take a snapshot once and revert to it between cases.
 */
export async function startFork(upstreamRpcUrl: string, options: ChainOptions = {}): Promise<RunningChain> {
  const chainId = Number(await rpc(upstreamRpcUrl, "eth_chainId", []));
  const node = await startAnvil(
    ["--fork-url", upstreamRpcUrl, "--chain-id", String(chainId), ...miningArgs(options)],
    options.port,
  );
  return { ...node, chainId };
}

/** Saves the node's state; returns the id `revert` takes. */
export const snapshot = (rpcUrl: string) => rpc<string>(rpcUrl, "evm_snapshot", []);

/** Restores a snapshot. Anvil drops it on revert, so take a new one to revert again. */
export async function revert(rpcUrl: string, snapshotId: string): Promise<void> {
  if (!(await rpc<boolean>(rpcUrl, "evm_revert", [snapshotId]))) {
    throw new Error(`evm_revert refused snapshot ${snapshotId}`);
  }
}
