import { type CreateConnectorFn, cookieStorage, createConfig, createStorage, http } from "wagmi";
import { type ChainConfig, toViemChain } from "./config";

/**
 * wagmi config for one chain. The server builds it without connectors (enough to read the cookie state);
 * the client passes the wallet connectors.
 */
export function createWagmiConfig(chainConfig: ChainConfig, connectors: CreateConnectorFn[] = []) {
  const chain = toViemChain(chainConfig);
  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(chainConfig.rpcUrl, { batch: true }) },
    // Deployless multicall: batched reads work on any chain, including a fresh devnet without Multicall3.
    batch: { multicall: { deployless: true } },
    ssr: true,
    storage: createStorage({ storage: cookieStorage }),
  });
}
