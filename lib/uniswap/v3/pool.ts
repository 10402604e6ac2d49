import {
  type Address,
  encodeAbiParameters,
  erc20Abi,
  getContractAddress,
  type Hex,
  keccak256,
  type PublicClient,
  parseAbiParameters,
} from "viem";
import { uniswapV3PoolAbi } from "../../generated/abis";
import type { V3FeeTierPool, V3PoolState } from "../v2ToV3Plan";
import { FEE_TIERS, type FeeTier } from "./poolMath";

export interface V3Deployment {
  factory: Address;
  poolInitCodeHash: Hex;
}

/** A pool's address as the factory's CREATE2 gives it (PoolAddress.computeAddress), whether deployed or not. */
export function v3PoolAddress(
  { factory, poolInitCodeHash }: V3Deployment,
  token0: Address,
  token1: Address,
  fee: FeeTier,
) {
  const salt = keccak256(encodeAbiParameters(parseAbiParameters("address, address, uint24"), [token0, token1, fee]));
  return getContractAddress({ opcode: "CREATE2", from: factory, salt, bytecodeHash: poolInitCodeHash });
}

/**
 * The destination pool of (token0, token1, fee) and its price, in one call; a pool that does not exist yet (or is
 * not initialised) has price 0 and will be created by the Migrator at the V2 price.
 */
export async function readV3Pool(
  client: PublicClient,
  v3: V3Deployment,
  token0: Address,
  token1: Address,
  fee: FeeTier,
): Promise<V3PoolState> {
  const address = v3PoolAddress(v3, token0, token1, fee);
  const [slot0] = await client.multicall({
    contracts: [{ address, abi: uniswapV3PoolAbi, functionName: "slot0" }],
    allowFailure: true,
  });
  return { address, sqrtPriceX96: slot0.status === "success" ? slot0.result[0] : 0n };
}

/**
 * The pair's pool in every fee tier, in one multicall: price, in-range liquidity and token balances. A tier whose
 * pool does not exist reads as price 0 with nothing in it.
 */
export async function readV3FeeTiers(
  client: PublicClient,
  v3: V3Deployment,
  token0: Address,
  token1: Address,
): Promise<V3FeeTierPool[]> {
  const addresses = FEE_TIERS.map((fee) => v3PoolAddress(v3, token0, token1, fee));
  const reads = await client.multicall({
    allowFailure: true,
    contracts: addresses.flatMap((address) => [
      { address, abi: uniswapV3PoolAbi, functionName: "slot0" } as const,
      { address, abi: uniswapV3PoolAbi, functionName: "liquidity" } as const,
      { address: token0, abi: erc20Abi, functionName: "balanceOf", args: [address] } as const,
      { address: token1, abi: erc20Abi, functionName: "balanceOf", args: [address] } as const,
    ]),
  });
  return FEE_TIERS.map((fee, i) => {
    const [slot0, liquidity, balance0, balance1] = reads.slice(4 * i, 4 * i + 4);
    const sqrtPriceX96 = slot0?.status === "success" ? (slot0.result as readonly [bigint, ...unknown[]])[0] : 0n;
    const amount = (read: typeof liquidity) =>
      sqrtPriceX96 > 0n && read?.status === "success" ? (read.result as bigint) : 0n;
    return {
      fee,
      address: addresses[i] as Address,
      sqrtPriceX96,
      liquidity: amount(liquidity),
      balance0: amount(balance0),
      balance1: amount(balance1),
    };
  });
}

/** The tier a migration defaults to: the existing pool with the most in-range liquidity, else the common 0.3%. */
export function deepestFeeTier(tiers: readonly V3FeeTierPool[]): FeeTier {
  const existing = tiers.filter((tier) => tier.sqrtPriceX96 > 0n);
  const deepest = existing.reduce<V3FeeTierPool | undefined>(
    (best, tier) => (best === undefined || tier.liquidity > best.liquidity ? tier : best),
    undefined,
  );
  return deepest?.fee ?? 3000;
}
