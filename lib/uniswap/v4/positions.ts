import { type Address, erc721Abi, getAbiItem, type Hex, type PublicClient } from "viem";
import { uniswapV4PositionManagerAbi } from "../../generated/abis";
import { type PoolKey, poolIdOf } from "./poolKey";
import { ticksOfPositionInfo } from "./positionInfo";

/** A Uniswap V4 position the user owns: its pool, its range and its liquidity. */
export interface HeldV4Position {
  positionManager: Address;
  tokenId: bigint;
  key: PoolKey;
  poolId: Hex;
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
}

/** The held positions in the pool `poolId`, lowest id first: where a V4 destination may add liquidity. */
export const positionsInPool = (held: readonly HeldV4Position[], poolId: Hex): HeldV4Position[] =>
  held
    .filter((position) => position.poolId.toLowerCase() === poolId.toLowerCase())
    .sort((a, b) => (a.tokenId < b.tokenId ? -1 : a.tokenId > b.tokenId ? 1 : 0));

const TRANSFER = getAbiItem({ abi: erc721Abi, name: "Transfer" });

/**
 * Every V4 position `owner` holds now. The V4 PositionManager does not enumerate an owner's tokens, so the ids come
 * from its `Transfer` logs to `owner` (one `eth_getLogs`), then one multicall reads each id's owner (sold or burned
 * ones drop out), pool, range and liquidity.
 */
export async function readV4Positions(
  client: PublicClient,
  positionManager: Address,
  owner: Address,
): Promise<HeldV4Position[]> {
  const logs = await client.getLogs({ address: positionManager, event: TRANSFER, args: { to: owner }, fromBlock: 0n });
  const ids = [...new Set(logs.flatMap(({ args }) => (args.tokenId === undefined ? [] : [args.tokenId])))];
  const contract = { address: positionManager, abi: uniswapV4PositionManagerAbi } as const;
  const reads = await client.multicall({
    allowFailure: true,
    contracts: ids.flatMap((tokenId) => [
      { address: positionManager, abi: erc721Abi, functionName: "ownerOf", args: [tokenId] } as const,
      { ...contract, functionName: "getPoolAndPositionInfo", args: [tokenId] } as const,
      { ...contract, functionName: "getPositionLiquidity", args: [tokenId] } as const,
    ]),
  });
  return ids.flatMap((tokenId, i): HeldV4Position[] => {
    const [holder, poolAndInfo, liquidity] = reads.slice(3 * i, 3 * i + 3);
    if (holder?.status !== "success" || (holder.result as Address).toLowerCase() !== owner.toLowerCase()) return [];
    if (poolAndInfo?.status !== "success" || liquidity?.status !== "success") return [];
    const [key, info] = poolAndInfo.result as readonly [PoolKey, bigint];
    return [
      {
        positionManager,
        tokenId,
        key,
        poolId: poolIdOf(key),
        ...ticksOfPositionInfo(info),
        liquidity: liquidity.result as bigint,
      },
    ];
  });
}
