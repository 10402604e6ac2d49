import { type Context, ponder } from "ponder:registry";
import { v4Pool } from "ponder:schema";
import { type Hex, hexToBigInt, zeroAddress } from "viem";
import { uniswapV4PositionManagerAbi } from "../../lib/generated/abis";
import { indexedChain } from "../chains";
import { decreaseLiquidity, increaseLiquidity, transferPosition } from "./PositionManager";
import { tolerant } from "./prices";

const chain = indexedChain(process.env);

/**
 * The V4 PositionManager emits no Increase/DecreaseLiquidity: a position's liquidity changes show as the PoolManager's
 * `ModifyLiquidity` with `sender` the PositionManager (filtered at the source, ponder.config.ts) and `salt` its token
 * id. Added liquidity (a later migration's, or anyone's) changes only the position's chain state: it earns nothing
 * beyond what was migrated.
 */
ponder.on("V4PoolManager:ModifyLiquidity", async ({ event, context }) => {
  const { sender, liquidityDelta, salt } = event.args;
  // A zero delta only collects fees.
  if (liquidityDelta === 0n) return;
  const key = { chainId: context.chain.id, positionManager: sender, tokenId: hexToBigInt(salt) };
  if (liquidityDelta > 0n) await increaseLiquidity(context, key, liquidityDelta, event.block);
  else await decreaseLiquidity(context, key, -liquidityDelta, event.block);
});

ponder.on("V4PositionManager:Transfer", async ({ event, context }) => {
  const key = { chainId: context.chain.id, positionManager: event.log.address, tokenId: event.args.tokenId };
  await transferPosition(context, key, event.args.to, event.block.timestamp);
});

/**
 * Records the key of the V4 pool a migration landed in, read from its position at the event's block (the pool may
 * have been initialised long before Ferry's start block, so its `Initialize` is not indexed). A read that fails leaves
 * the pool unnamed, never halts indexing.
 */
export async function recordV4Pool(context: Context, poolId: Hex, tokenId: bigint): Promise<void> {
  if (await context.db.find(v4Pool, { chainId: chain.id, poolId })) return;
  const read = await tolerant(
    context.client.readContract({
      address: chain.v4PositionManager,
      abi: uniswapV4PositionManagerAbi,
      functionName: "getPoolAndPositionInfo",
      args: [tokenId],
      retryEmptyResponse: false,
    }),
  );
  const key = read?.[0];
  if (!key || key.currency1 === zeroAddress) return;
  await context.db.insert(v4Pool).values({
    chainId: chain.id,
    poolId,
    currency0: key.currency0,
    currency1: key.currency1,
    fee: key.fee,
    tickSpacing: key.tickSpacing,
    hooks: key.hooks,
  });
}
