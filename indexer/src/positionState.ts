import type { Context } from "ponder:registry";
import { epochClock, position } from "ponder:schema";
import type { Address, ContractFunctionReturnType } from "viem";
import { nonfungiblePositionManagerAbi, uniswapV4PositionManagerAbi } from "../../lib/generated/abis";
import { ticksOfPositionInfo } from "../../lib/uniswap/v4/positionInfo";
import { type IndexedChain, isV4PositionManager, oracleAsset } from "../chains";
import { campaignClock } from "./campaignClock";
import type { PositionKey } from "./PositionManager";
import { type Call, readAll } from "./readAll";

/**
 * A migrated Uniswap position's chain state, read once and then followed from its own events, so that an epoch snapshot
 * reads only the pools' prices instead of every position (20,000 reads for 10,000 positions took ~25 s).
 *
 * The block after a migration creates a position's row (the block handler runs after the block's logs), its range,
 * tokens and whole liquidity are read at that block's end and `syncedBlock` records it. Its liquidity events of later
 * blocks (V3 `IncreaseLiquidity`/`DecreaseLiquidity`, V4 `ModifyLiquidity` with `salt` = token id) then change it;
 * events up to `syncedBlock` are already in the read. So the state equals the chain's whoever changes it: liquidity
 * added outside Ferry counts (the credit stays capped at the USD migrated), and a position topped up by a migration
 * after it was first minted outside Ferry starts from its full liquidity. Range and tokens never change. The owner
 * follows `Transfer` from the `Migrated` log on (the user owns the position there), so a transfer back to the user
 * earns again and a burn (to the zero address) counts as withdrawn.
 */

type V3Position = ContractFunctionReturnType<typeof nonfungiblePositionManagerAbi, "view", "positions">;
type V4PoolAndPositionInfo = ContractFunctionReturnType<
  typeof uniswapV4PositionManagerAbi,
  "view",
  "getPoolAndPositionInfo"
>;

/** What a read finds of a position: nothing of a burnt one (no liquidity, no range). */
interface ReadState {
  positionLiquidity: bigint;
  tickLower: number | null;
  tickUpper: number | null;
  token0: Address | null;
  token1: Address | null;
}

const BURNT: ReadState = { positionLiquidity: 0n, tickLower: null, tickUpper: null, token0: null, token1: null };

/** A position's key as the clock lists it until its state is read. */
const listed = (key: PositionKey) => `${key.positionManager}:${key.tokenId}`;

/** Lists a position a migration created, so that the block's handler reads its state at the block's end. */
export async function markUnsynced(context: Context, key: PositionKey, timestamp: number): Promise<void> {
  const { unsyncedPositions } = await campaignClock(context, timestamp);
  if (unsyncedPositions.includes(listed(key))) return;
  await context.db
    .update(epochClock, { chainId: key.chainId })
    .set({ unsyncedPositions: [...unsyncedPositions, listed(key)] });
}

/**
 * Reads the state of the positions listed (`positionManager:tokenId`) at the handler's block (`blockNumber`), in one
 * batch of multicalls, through the store API: they were created in this block, so Ponder's cache holds them (a raw
 * SQL write would flush and empty that cache for the rest of the backfill).
 */
export async function syncPositions(
  context: Context,
  chain: IndexedChain,
  blockNumber: bigint,
  unsynced: readonly string[],
): Promise<void> {
  const keys = unsynced.map((entry) => {
    const [positionManager, tokenId] = entry.split(":");
    return { chainId: chain.id, positionManager: positionManager as Address, tokenId: BigInt(tokenId ?? "") };
  });
  const states = await readStates(context, chain, keys);
  for (const [i, key] of keys.entries()) {
    await context.db.update(position, key).set({ ...(states[i] as ReadState), syncedBlock: blockNumber });
  }
}

/** V3: `positions` (reverts once burnt). V4: pool key and range, and liquidity (zero once burnt). */
async function readStates(
  context: Context,
  chain: IndexedChain,
  rows: readonly { positionManager: Address; tokenId: bigint }[],
): Promise<ReadState[]> {
  const v4 = { address: chain.v4PositionManager, abi: uniswapV4PositionManagerAbi };
  const reads = await readAll(
    context,
    rows.flatMap(({ positionManager, tokenId }): Call[] =>
      isV4PositionManager(chain, positionManager)
        ? [
            { ...v4, functionName: "getPoolAndPositionInfo", args: [tokenId] },
            { ...v4, functionName: "getPositionLiquidity", args: [tokenId] },
          ]
        : [
            {
              address: positionManager,
              abi: nonfungiblePositionManagerAbi,
              functionName: "positions",
              args: [tokenId],
            },
          ],
    ),
  );
  let at = 0;
  return rows.map(({ positionManager }) => {
    if (!isV4PositionManager(chain, positionManager)) {
      const read = reads[at++] as V3Position | undefined;
      if (!read) return BURNT;
      const [, , token0, token1, , tickLower, tickUpper, positionLiquidity] = read;
      return { positionLiquidity, tickLower, tickUpper, token0, token1 };
    }
    const info = reads[at++] as V4PoolAndPositionInfo | undefined;
    const positionLiquidity = reads[at++] as bigint | undefined;
    if (!info || positionLiquidity === undefined) return BURNT;
    const [key, packed] = info;
    return {
      positionLiquidity,
      ...ticksOfPositionInfo(packed),
      token0: oracleAsset(chain, key.currency0),
      token1: oracleAsset(chain, key.currency1),
    };
  });
}

/**
 * The position's liquidity after its event of block `blockNumber` changed it by `delta`, or undefined when the event is
 * already in the state read (at or before `syncedBlock`) or nothing was read yet (the read will include it).
 */
export function followedLiquidity(
  held: { syncedBlock: bigint | null; positionLiquidity: bigint | null },
  delta: bigint,
  blockNumber: bigint,
): bigint | undefined {
  if (held.syncedBlock === null || held.positionLiquidity === null || blockNumber <= held.syncedBlock) return undefined;
  return held.positionLiquidity + delta;
}
