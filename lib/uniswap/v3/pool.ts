import {
  type Address,
  encodeAbiParameters,
  getContractAddress,
  type Hex,
  keccak256,
  type PublicClient,
  parseAbiParameters,
} from "viem";
import { uniswapV3PoolAbi } from "../../generated/abis";
import type { V3PoolState } from "../v2ToV3Plan";
import type { FeeTier } from "./poolMath";

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
