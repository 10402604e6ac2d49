import { type Address, type PublicClient, zeroAddress } from "viem";
import { uniswapV3FactoryAbi, uniswapV3PoolAbi } from "./generated/abis";
import type { V3PoolState } from "./migrationPlan";
import type { FeeTier } from "./uniswapV3";

/** The destination pool of a (token0, token1, fee) and its price; a missing or uninitialised pool has price 0. */
export async function readV3Pool(
  client: PublicClient,
  factory: Address,
  token0: Address,
  token1: Address,
  fee: FeeTier,
): Promise<V3PoolState> {
  const address = await client.readContract({
    address: factory,
    abi: uniswapV3FactoryAbi,
    functionName: "getPool",
    args: [token0, token1, fee],
  });
  if (address === zeroAddress) return { address, sqrtPriceX96: 0n };
  const [sqrtPriceX96] = await client.readContract({ address, abi: uniswapV3PoolAbi, functionName: "slot0" });
  return { address, sqrtPriceX96 };
}
