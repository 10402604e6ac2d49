import { type Address, erc20Abi, maxUint128, type PublicClient } from "viem";
import type { ChainAddresses } from "../../chain/addresses";
import { nonfungiblePositionManagerAbi, uniswapV3PoolAbi } from "../../generated/abis";
import type { TokenInfo } from "../v2/positions";
import { v3PoolAddress } from "./pool";
import type { FeeTier } from "./poolMath";
import { positionAmounts } from "./positionAmounts";
import { type HeldV3Position, readV3Positions } from "./positions";

/** A Uniswap V3 position the user can migrate: its pool and range, what it holds now and the fees it has earned. */
export interface V3SourcePosition {
  positionManager: Address;
  tokenId: bigint;
  pool: Address;
  token0: TokenInfo;
  token1: TokenInfo;
  fee: FeeTier;
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
  /** The pool's price and tick now. */
  sqrtPriceX96: bigint;
  tick: number;
  /** What removing all the liquidity pays at the pool's price, fees aside. */
  amount0: bigint;
  amount1: bigint;
  /** The uncollected fees, as `collect` would pay them now. */
  fees0: bigint;
  fees1: bigint;
  inRange: boolean;
}

/** "WETH/USDC 0.05%". */
export const sourcePositionName = ({ token0, token1, fee }: Pick<V3SourcePosition, "token0" | "token1" | "fee">) =>
  `${token0.symbol}/${token1.symbol} ${fee / 10_000}%`;

/**
 * The fees `owner`'s position would pay out now: the position manager's `collect` with maximum amounts, simulated
 * as the owner (it pokes the pool first, so the fees are up to date), as Uniswap's interface reads them.
 */
async function uncollectedFees(client: PublicClient, positionManager: Address, owner: Address, tokenId: bigint) {
  const { result } = await client.simulateContract({
    account: owner,
    address: positionManager,
    abi: nonfungiblePositionManagerAbi,
    functionName: "collect",
    args: [{ tokenId, recipient: owner, amount0Max: maxUint128, amount1Max: maxUint128 }],
  });
  return result;
}

/**
 * Every V3 position of `owner` that still holds liquidity, in range or not, with its principal at the pool's price
 * and its uncollected fees. The positions are read in three batched rounds (count, ids, positions); then one
 * multicall reads the pools' prices and the tokens' symbols and decimals, beside one `collect` simulation per
 * position (a simulation must come from the owner, so it cannot join the multicall).
 */
export async function readV3SourcePositions(
  client: PublicClient,
  { uniswapV3 }: Pick<ChainAddresses, "uniswapV3">,
  owner: Address,
): Promise<V3SourcePosition[]> {
  const { positionManager } = uniswapV3;
  const held = (await readV3Positions(client, positionManager, owner)).filter((position) => position.liquidity > 0n);
  if (held.length === 0) return [];
  const poolOf = (position: HeldV3Position) =>
    v3PoolAddress(uniswapV3, position.token0, position.token1, position.fee as FeeTier);
  const pools = held.map(poolOf);
  const tokens = [...new Set(held.flatMap((position) => [position.token0, position.token1]))];
  const [reads, fees] = await Promise.all([
    client.multicall({
      allowFailure: false,
      contracts: [
        ...pools.map((address) => ({ address, abi: uniswapV3PoolAbi, functionName: "slot0" }) as const),
        ...tokens.flatMap((address) => [
          { address, abi: erc20Abi, functionName: "symbol" } as const,
          { address, abi: erc20Abi, functionName: "decimals" } as const,
        ]),
      ],
    }),
    Promise.all(held.map(({ tokenId }) => uncollectedFees(client, positionManager, owner, tokenId))),
  ]);
  const tokenInfo = (address: Address): TokenInfo => {
    const i = pools.length + 2 * tokens.indexOf(address);
    return { address, symbol: reads[i] as string, decimals: reads[i + 1] as number };
  };
  return held.map((position, i) => {
    const [sqrtPriceX96, tick] = reads[i] as readonly [bigint, number, ...unknown[]];
    const [fees0, fees1] = fees[i] as readonly [bigint, bigint];
    const { tokenId, tickLower, tickUpper, liquidity } = position;
    return {
      positionManager,
      tokenId,
      pool: pools[i] as Address,
      token0: tokenInfo(position.token0),
      token1: tokenInfo(position.token1),
      fee: position.fee as FeeTier,
      tickLower,
      tickUpper,
      liquidity,
      sqrtPriceX96,
      tick,
      fees0,
      fees1,
      ...positionAmounts(sqrtPriceX96, tick, tickLower, tickUpper, liquidity),
    };
  });
}
