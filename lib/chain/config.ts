import { type Chain, defineChain } from "viem";

/** The chain the app talks to, read from the environment at start-up (not baked into the build). */
export interface ChainConfig {
  chainId: number;
  chainName: string;
  rpcUrl: string;
  /** WalletConnect is offered only when a project id is configured: nothing contacts its servers otherwise. */
  walletConnectProjectId?: string;
}

export class ChainConfigError extends Error {
  override name = "ChainConfigError";
}

const DEFAULTS = { FERRY_CHAIN_ID: "31337", FERRY_RPC_URL: "http://127.0.0.1:8545" };

/**
 * Parses FERRY_CHAIN_ID, FERRY_RPC_URL, FERRY_CHAIN_NAME and NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID.
 * Throws a ChainConfigError naming the variable and the value expected, so a bad deployment fails at start.
 */
export function parseChainConfig(env: Record<string, string | undefined>): ChainConfig {
  const rawId = env.FERRY_CHAIN_ID || DEFAULTS.FERRY_CHAIN_ID;
  const chainId = Number(rawId);
  if (!/^\d+$/.test(rawId) || !Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new ChainConfigError(`FERRY_CHAIN_ID must be a positive integer chain id, got "${rawId}"`);
  }

  const rpcUrl = env.FERRY_RPC_URL || DEFAULTS.FERRY_RPC_URL;
  let protocol: string;
  try {
    protocol = new URL(rpcUrl).protocol;
  } catch {
    throw new ChainConfigError(`FERRY_RPC_URL must be an http(s) URL, got "${rpcUrl}"`);
  }
  if (protocol !== "http:" && protocol !== "https:") {
    throw new ChainConfigError(`FERRY_RPC_URL must be an http(s) URL, got "${rpcUrl}"`);
  }

  const walletConnectProjectId = env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID || undefined;
  const chainName = env.FERRY_CHAIN_NAME || (chainId === 31337 ? "Ferry devnet" : `Chain ${chainId}`);
  return { chainId, chainName, rpcUrl, ...(walletConnectProjectId ? { walletConnectProjectId } : {}) };
}

/** The viem chain for a config: Ether as native currency, the configured RPC as its only endpoint. */
export function toViemChain({ chainId, chainName, rpcUrl }: ChainConfig): Chain {
  return defineChain({
    id: chainId,
    name: chainName,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
}
