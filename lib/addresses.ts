import type { Address } from "viem";
import addresses from "./addresses.json" with { type: "json" };

/** Every string in the JSON is an address, a code hash or a pool id: type them as hex. */
type Hexed<T> = T extends string ? Address : T extends number ? number : { [K in keyof T]: Hexed<T[K]> };

/** Contract and account addresses of one chain, as `npm run world:build` writes them. */
export type ChainAddresses = Hexed<(typeof addresses)["31337"]>;

const byChain = addresses as unknown as Record<string, ChainAddresses | undefined>;

export const supportedChainIds = (): number[] => Object.keys(byChain).map(Number);

export function addressesFor(chainId: number): ChainAddresses {
  const entry = byChain[String(chainId)];
  if (!entry) {
    throw new Error(
      `no addresses for chain ${chainId} in lib/addresses.json (known: ${supportedChainIds().join(", ")})`,
    );
  }
  return entry;
}
