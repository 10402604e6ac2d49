import type { Address, PublicClient } from "viem";
import { nonfungiblePositionManagerAbi } from "../../generated/abis";
import type { Parsed } from "../../inputs";
import type { FeeTier } from "./poolMath";

/** A Uniswap V3 position NFT the user holds: the pool it is in and its range. */
export interface HeldV3Position {
  tokenId: bigint;
  token0: Address;
  token1: Address;
  fee: number;
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
}

/** NonfungiblePositionManager.positions(tokenId) as viem returns it (a tuple, in the contract's order). */
export type PositionsResult = readonly [
  nonce: bigint,
  operator: Address,
  token0: Address,
  token1: Address,
  fee: number,
  tickLower: number,
  tickUpper: number,
  liquidity: bigint,
  feeGrowthInside0LastX128: bigint,
  feeGrowthInside1LastX128: bigint,
  tokensOwed0: bigint,
  tokensOwed1: bigint,
];

export function parsePosition(tokenId: bigint, result: PositionsResult): HeldV3Position {
  const [, , token0, token1, fee, tickLower, tickUpper, liquidity] = result;
  return { tokenId, token0, token1, fee, tickLower, tickUpper, liquidity };
}

/**
 * The held positions that V2 liquidity of (token0, token1) can be added to in the `fee` pool: the Migrator's
 * increaseLiquidity needs the same tokens and fee (its range then fixes the migration's range). Lowest id first.
 */
export function matchingPositions(
  held: readonly HeldV3Position[],
  token0: Address,
  token1: Address,
  fee: FeeTier,
): HeldV3Position[] {
  const same = (a: Address, b: Address) => a.toLowerCase() === b.toLowerCase();
  return held
    .filter((position) => same(position.token0, token0) && same(position.token1, token1) && position.fee === fee)
    .sort((a, b) => (a.tokenId < b.tokenId ? -1 : a.tokenId > b.tokenId ? 1 : 0));
}

/**
 * The held position a migration into (token0, token1, fee) is added to: none for `tokenId` 0n (a new position),
 * an error when the user does not hold that id in this pool (any more: sold, or another fee tier since).
 */
export function chosenDestination(
  held: readonly HeldV3Position[],
  token0: Address,
  token1: Address,
  fee: FeeTier,
  tokenId: bigint,
): Parsed<HeldV3Position | undefined> {
  if (tokenId === 0n) return { ok: true, value: undefined };
  const destination = matchingPositions(held, token0, token1, fee).find((position) => position.tokenId === tokenId);
  return destination
    ? { ok: true, value: destination }
    : { ok: false, error: `You hold no position #${tokenId} in this pool: choose another destination.` };
}

/**
 * Every V3 position `owner` holds, in three batched rounds (each one multicall): the NFT count, the ids, then each
 * id's position. Each round needs the previous one's answer, so three is the least without an indexer.
 */
export async function readV3Positions(
  client: PublicClient,
  positionManager: Address,
  owner: Address,
): Promise<HeldV3Position[]> {
  const contract = { address: positionManager, abi: nonfungiblePositionManagerAbi } as const;
  const [count] = await client.multicall({
    contracts: [{ ...contract, functionName: "balanceOf", args: [owner] }],
    allowFailure: false,
  });
  if (count === 0n) return [];
  const indexes = Array.from({ length: Number(count) }, (_, i) => BigInt(i));
  const tokenIds = await client.multicall({
    contracts: indexes.map(
      (index) => ({ ...contract, functionName: "tokenOfOwnerByIndex", args: [owner, index] }) as const,
    ),
    allowFailure: false,
  });
  const positions = await client.multicall({
    contracts: tokenIds.map((tokenId) => ({ ...contract, functionName: "positions", args: [tokenId] }) as const),
    allowFailure: false,
  });
  return tokenIds.map((tokenId, i) => parsePosition(tokenId, positions[i] as PositionsResult));
}
