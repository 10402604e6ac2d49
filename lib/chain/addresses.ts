import type { Address } from "viem";
import addresses from "../addresses.json" with { type: "json" };
import type { MAINNET_ADDRESSES } from "./mainnet";

/** Every string in the file is an address, a code hash or a pool id: type them as hex. */
type Hexed<T> = T extends string ? Address : T extends number ? number : { [K in keyof T]: Hexed<T[K]> };

/** What every chain in lib/addresses.json has: the protocols' entry points, tokens, V2 pairs and V3 pools. */
export type ChainAddresses = Hexed<typeof MAINNET_ADDRESSES>;

/** The devnet world (chain 31337) adds demo accounts, Aave reserve tokens, V4 pools and its admin contracts. */
export type WorldAddresses = Hexed<(typeof addresses)["31337"]>;

const byChain = addresses as unknown as Record<string, ChainAddresses | undefined>;

export const supportedChainIds = (): number[] => Object.keys(byChain).map(Number);

/** Chain 31337 gets the world's full entry; any other chain the common shape. */
export function addressesFor(chainId: 31337): WorldAddresses;
export function addressesFor(chainId: number): ChainAddresses;
export function addressesFor(chainId: number): ChainAddresses {
  const entry = byChain[String(chainId)];
  if (!entry) {
    throw new Error(
      `no addresses for chain ${chainId} in lib/addresses.json (known: ${supportedChainIds().join(", ")})`,
    );
  }
  return entry;
}
