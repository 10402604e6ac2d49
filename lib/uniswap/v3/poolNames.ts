import type { Address } from "viem";
import { type V3Deployment, v3PoolAddress } from "./pool";
import { FEE_TIERS } from "./poolMath";

/**
 * "DAI/USDC 0.30%" for any V3 pool of two tokens the chain's address book lists, in any fee tier: pools the
 * Migrator created are named like the seeded ones, by recomputing the factory's CREATE2 addresses (no RPC).
 */
export function v3PoolName(v3: V3Deployment, tokens: Readonly<Record<string, Address>>, pool: Address) {
  const sorted = Object.entries(tokens).sort(([, a], [, b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  for (const [i, [symbol0, token0]] of sorted.entries()) {
    for (const [symbol1, token1] of sorted.slice(i + 1)) {
      for (const fee of FEE_TIERS) {
        if (v3PoolAddress(v3, token0, token1, fee).toLowerCase() === pool.toLowerCase()) {
          return `${symbol0}/${symbol1} ${(fee / 10_000).toFixed(2)}%`;
        }
      }
    }
  }
  return undefined;
}
