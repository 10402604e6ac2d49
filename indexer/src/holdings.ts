import type { Context } from "ponder:registry";
import { type Address, erc20Abi, type Hex } from "viem";
import {
  boundedCredit,
  type HoldingState,
  lendingCredit,
  type PointsRule,
  poolDeviationBps,
  usdValue,
} from "../../lib/campaign/points";
import { aaveV3PoolAbi, nonfungiblePositionManagerAbi, uniswapV3PoolAbi } from "../../lib/generated/abis";
import { positionAmounts } from "../../lib/uniswap/v3/positionAmounts";
import type { IndexedChain } from "../chains";
import { tokenQuote, tolerant } from "./prices";

/** What a migrated position is credited with at a snapshot block, and its state (why it earns nothing, if so). */
export interface Holding {
  heldUsd: bigint;
  state: HoldingState;
}

const nothing = (state: HoldingState): Holding => ({ heldUsd: 0n, state });

/** The block a snapshot reads: every read is at the handler's block; prices are memoised by its hash. */
export interface SnapshotBlock {
  hash: Hex;
}

/**
 * A migrated V3 position valued from chain state: its current liquidity at the pool's current price, at the oracle's
 * prices, never more than was migrated into it. It earns nothing when it left the migrator (transferred), holds no
 * liquidity (withdrawn), a token cannot be valued (unpriced), the pool is off the oracle's price by more than the
 * rule's bound (off-market: value could be drained through it), or is out of range and the rule says so.
 */
export async function valuePosition(
  context: Context,
  chain: IndexedChain,
  rule: PointsRule,
  block: SnapshotBlock,
  held: { positionManager: Address; tokenId: bigint; user: Address; pool: Address; migratedUsd: bigint },
): Promise<Holding> {
  const read = { retryEmptyResponse: false } as const;
  const [owner, onChain, slot0] = await Promise.all([
    tolerant(
      context.client.readContract({
        ...read,
        address: held.positionManager,
        abi: nonfungiblePositionManagerAbi,
        functionName: "ownerOf",
        args: [held.tokenId],
      }),
    ),
    tolerant(
      context.client.readContract({
        ...read,
        address: held.positionManager,
        abi: nonfungiblePositionManagerAbi,
        functionName: "positions",
        args: [held.tokenId],
      }),
    ),
    tolerant(
      context.client.readContract({ ...read, address: held.pool, abi: uniswapV3PoolAbi, functionName: "slot0" }),
    ),
  ]);
  // A burnt position has no owner and no entry any more.
  if (owner === undefined || onChain === undefined) return nothing("withdrawn");
  if (owner.toLowerCase() !== held.user.toLowerCase()) return nothing("transferred");
  const [, , token0, token1, , tickLower, tickUpper, liquidity] = onChain;
  if (liquidity === 0n) return nothing("withdrawn");
  if (slot0 === undefined) return nothing("unpriced");
  const [sqrtPriceX96, tick] = slot0;

  const [quote0, quote1] = await Promise.all([
    tokenQuote(context, chain.oracle, block.hash, token0),
    tokenQuote(context, chain.oracle, block.hash, token1),
  ]);
  if ("unpriced" in quote0 || "unpriced" in quote1) return nothing("unpriced");
  const deviation = poolDeviationBps(sqrtPriceX96, quote0.decimals, quote1.decimals, quote0.price, quote1.price);
  if (deviation > BigInt(rule.maxPoolDeviationBps)) return nothing("off-market");

  const amounts = positionAmounts(sqrtPriceX96, tick, tickLower, tickUpper, liquidity);
  if (!amounts.inRange && !rule.outOfRangeEarns) return nothing("out-of-range");
  const value =
    usdValue(amounts.amount0, quote0.decimals, quote0.price) + usdValue(amounts.amount1, quote1.decimals, quote1.price);
  return { heldUsd: boundedCredit(value, held.migratedUsd), state: amounts.inRange ? "earning" : "out-of-range" };
}

/** aToken address per reserve: fixed once the reserve exists. */
const aTokenByAsset = new Map<Address, Address>();

/**
 * A user's lending migrations valued from chain state: the aToken balances of the migrated assets at the oracle's
 * prices minus all their debt on the pool (`getUserAccountData`, in the oracle's USD), never more than was migrated.
 * Transfers of aTokens, withdrawals, later borrows and liquidations all show without following their events.
 */
export async function valueLending(
  context: Context,
  chain: IndexedChain,
  block: SnapshotBlock,
  held: { user: Address; pool: Address; assets: readonly Address[]; migratedUsd: bigint },
): Promise<Holding> {
  const read = { retryEmptyResponse: false } as const;
  const [account, ...collateral] = await Promise.all([
    tolerant(
      context.client.readContract({
        ...read,
        address: held.pool,
        abi: aaveV3PoolAbi,
        functionName: "getUserAccountData",
        args: [held.user],
      }),
    ),
    ...held.assets.map(async (asset) => {
      const aToken = await aTokenOf(context, held.pool, asset);
      if (!aToken) return undefined;
      const [balance, quote] = await Promise.all([
        tolerant(
          context.client.readContract({
            ...read,
            address: aToken,
            abi: erc20Abi,
            functionName: "balanceOf",
            args: [held.user],
          }),
        ),
        tokenQuote(context, chain.oracle, block.hash, asset),
      ]);
      if (balance === undefined || "unpriced" in quote) return undefined;
      return usdValue(balance, quote.decimals, quote.price);
    }),
  ]);
  // Without the debt figure or a collateral's value the equity is unknown: worth 0 rather than guessed.
  if (account === undefined || collateral.some((usd) => usd === undefined)) return nothing("unpriced");
  const collateralUsd = collateral.reduce<bigint>((sum, usd) => sum + (usd ?? 0n), 0n);
  const heldUsd = lendingCredit(held.migratedUsd, collateralUsd, account[1]);
  return heldUsd > 0n ? { heldUsd, state: "earning" } : nothing("withdrawn");
}

async function aTokenOf(context: Context, pool: Address, asset: Address): Promise<Address | undefined> {
  const known = aTokenByAsset.get(asset);
  if (known) return known;
  const reserve = await tolerant(
    context.client.readContract({
      address: pool,
      abi: aaveV3PoolAbi,
      functionName: "getReserveData",
      args: [asset],
      retryEmptyResponse: false,
    }),
  );
  const aToken = reserve?.aTokenAddress;
  if (!aToken || /^0x0+$/.test(aToken)) return undefined;
  aTokenByAsset.set(asset, aToken);
  return aToken;
}
