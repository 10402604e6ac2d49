import { type Address, type Hex, zeroAddress } from "viem";
import { addressesFor } from "../chain/addresses";
import { v3PoolName } from "../uniswap/v3/poolNames";
import { type PoolKey, v4PoolName } from "../uniswap/v4/poolKey";

const shortHex = (value: Hex) => `${value.slice(0, 6)}…${value.slice(-4)}`;

/**
 * A migration's destination pool for people: "ETH / USDC 0.05% · V4" for a V4 pool (from its key; currencies the
 * address book does not list by short address), "WETH/USDC 0.30%" for a V3 pool of listed tokens, "Aave V3" for its
 * lending pool, the short address or PoolId otherwise.
 */
export function destinationPoolName(chainId: number, pool: Hex, poolKey?: PoolKey): string {
  const { aaveV3, uniswapV3, tokens } = addressesFor(chainId);
  if (poolKey) {
    const symbols = new Map(Object.entries(tokens).map(([symbol, token]) => [token.toLowerCase(), symbol]));
    const currency = (address: Address) => ({
      symbol: address === zeroAddress ? "ETH" : (symbols.get(address.toLowerCase()) ?? shortHex(address)),
    });
    return `${v4PoolName({ currency0: currency(poolKey.currency0), currency1: currency(poolKey.currency1) }, poolKey)} · V4`;
  }
  if (aaveV3.pool.toLowerCase() === pool.toLowerCase()) return "Aave V3";
  // A V4 PoolId is 32 bytes; only a 20-byte address can be a V3 pool.
  const v3Name = pool.length === 42 ? v3PoolName(uniswapV3, tokens, pool as Address) : undefined;
  return v3Name ?? shortHex(pool);
}
