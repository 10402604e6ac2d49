import type { Context } from "ponder:registry";
import { type Address, type ContractFunctionReturnType, erc721Abi, type Hex } from "viem";
import type { PointsRule } from "../../lib/campaign/points";
import { uniswapV4PositionManagerAbi, uniswapV4StateViewAbi } from "../../lib/generated/abis";
import { type IndexedChain, isV4PositionManager, oracleAsset } from "../chains";
import {
  type HeldPosition,
  type Holding,
  liquidityHolding,
  nothing,
  quotesOf,
  readAll,
  type SnapshotBlock,
  valuePositions,
} from "./holdings";

type PoolAndPositionInfo = ContractFunctionReturnType<
  typeof uniswapV4PositionManagerAbi,
  "view",
  "getPoolAndPositionInfo"
>;
type V4Slot0 = ContractFunctionReturnType<typeof uniswapV4StateViewAbi, "view", "getSlot0">;

/**
 * Every migrated Uniswap position valued from chain state, V3 and V4 alike (same model, different reads), in the
 * order given.
 */
export async function valueUniswapPositions(
  context: Context,
  chain: IndexedChain,
  rule: PointsRule,
  block: SnapshotBlock,
  helds: readonly HeldPosition[],
): Promise<Holding[]> {
  const isV4 = (held: HeldPosition) => isV4PositionManager(chain, held.positionManager);
  const [v3, v4] = await Promise.all([
    valuePositions(
      context,
      chain,
      rule,
      block,
      helds.filter((held) => !isV4(held)),
    ),
    valueV4Positions(context, chain, rule, block, helds.filter(isV4)),
  ]);
  let nextV3 = 0;
  let nextV4 = 0;
  return helds.map((held) => (isV4(held) ? v4[nextV4++] : v3[nextV3++]) as Holding);
}

/**
 * Migrated V4 positions valued like V3 ones: owner, pool key, range and liquidity of each position from the V4
 * PositionManager and each pool's price from StateView, in one batch of multicalls. Native ETH is valued as WETH.
 */
export async function valueV4Positions(
  context: Context,
  chain: IndexedChain,
  rule: PointsRule,
  block: SnapshotBlock,
  helds: readonly HeldPosition[],
): Promise<Holding[]> {
  const pools = [...new Set(helds.map((held) => held.pool))];
  const nft = { address: chain.v4PositionManager, abi: erc721Abi };
  const positionManager = { address: chain.v4PositionManager, abi: uniswapV4PositionManagerAbi };
  const reads = await readAll(context, [
    ...helds.flatMap((held) => [
      { ...nft, functionName: "ownerOf", args: [held.tokenId] },
      { ...positionManager, functionName: "getPoolAndPositionInfo", args: [held.tokenId] },
      { ...positionManager, functionName: "getPositionLiquidity", args: [held.tokenId] },
    ]),
    ...pools.map((pool) => ({
      address: chain.v4StateView,
      abi: uniswapV4StateViewAbi,
      functionName: "getSlot0",
      args: [pool],
    })),
  ]);
  const slot0ByPool = new Map(pools.map((pool, i) => [pool, reads[3 * helds.length + i] as V4Slot0 | undefined]));
  const pricedAs = (currency: Address) => oracleAsset(chain, currency);
  const infos = helds.map((_, i) => reads[3 * i + 1] as PoolAndPositionInfo | undefined);
  const quotes = await quotesOf(
    context,
    chain,
    block,
    infos.flatMap((info) => (info ? [pricedAs(info[0].currency0), pricedAs(info[0].currency1)] : [])),
  );
  return helds.map((held, i) => {
    const owner = reads[3 * i] as Address | undefined;
    const info = infos[i];
    const liquidity = reads[3 * i + 2] as bigint | undefined;
    // A burnt position has no owner; its pool key and range are cleared.
    if (owner === undefined || info === undefined || liquidity === undefined) return nothing("withdrawn");
    const [key, packed] = info;
    const slot0 = slot0ByPool.get(held.pool as Hex);
    return liquidityHolding(rule, held, {
      owner,
      position: {
        token0: pricedAs(key.currency0),
        token1: pricedAs(key.currency1),
        ...positionRange(packed),
        liquidity,
      },
      price: slot0 && { sqrtPriceX96: slot0[0], tick: slot0[1] },
      quotes,
    });
  });
}

/** The range packed in a V4 `PositionInfo` (v4-periphery PositionInfoLibrary: int24 tickLower at bit 8, tickUpper at 32). */
export function positionRange(info: bigint): { tickLower: number; tickUpper: number } {
  const int24 = (offset: bigint) => {
    const raw = Number((info >> offset) & 0xffffffn);
    return raw >= 0x800000 ? raw - 0x1000000 : raw;
  };
  return { tickLower: int24(8n), tickUpper: int24(32n) };
}
