import type { Context } from "ponder:registry";
import type { Address, ContractFunctionReturnType, Hex } from "viem";
import { erc20Abi } from "viem";
import { type HoldingState, lendingCredit, usdValue } from "../../lib/campaign/points";
import { aaveV3PoolAbi } from "../../lib/generated/abis";
import type { IndexedChain } from "../chains";
import { type TokenQuote, tokenQuote, tolerant } from "./prices";
import { type Call, readAll } from "./readAll";

/** What a migrated position is credited with at a snapshot block, and its state (why it earns nothing, if so). */
export interface Holding {
  heldUsd: bigint;
  state: HoldingState;
}

export const nothing = (state: HoldingState): Holding => ({ heldUsd: 0n, state });

/** The block a snapshot reads: every read is at the handler's block; prices are memoised by its hash. */
export interface SnapshotBlock {
  hash: Hex;
}

/** A user's lending migrations as their row knows them. */
export interface HeldLending {
  user: Address;
  pool: Address;
  assets: readonly Address[];
  migratedUsd: bigint;
}

type AccountData = ContractFunctionReturnType<typeof aaveV3PoolAbi, "view", "getUserAccountData">;

/** Oracle quotes of `tokens` at the snapshot block (memoised per block, one read per token). */
export async function quotesOf(
  context: Context,
  chain: IndexedChain,
  block: SnapshotBlock,
  tokens: Iterable<Address>,
): Promise<Map<Address, TokenQuote>> {
  const unique = [...new Set(tokens)];
  const quotes = await Promise.all(unique.map((token) => tokenQuote(context, chain.oracle, block.hash, token)));
  return new Map(unique.map((token, i) => [token, quotes[i] as TokenQuote]));
}

/** aToken address per reserve: fixed once the reserve exists. */
const aTokenByAsset = new Map<Address, Address>();

/**
 * Users' lending migrations valued from chain state: the aToken balances of the migrated assets at the oracle's prices
 * minus all their debt on the pool (`getUserAccountData`, in the oracle's USD), never more than was migrated.
 * Transfers of aTokens, withdrawals, later borrows and liquidations all show without following their events. Account
 * data and balances of every user are read in one batch of multicalls.
 */
export async function valueLendings(
  context: Context,
  chain: IndexedChain,
  block: SnapshotBlock,
  helds: readonly HeldLending[],
): Promise<Holding[]> {
  // The pool each migrated asset was supplied to (one Aave V3 pool per chain), to look its aToken up once.
  const poolOfAsset = new Map(helds.flatMap((held) => held.assets.map((asset) => [asset, held.pool] as const)));
  const aTokens = new Map(
    await Promise.all(
      [...poolOfAsset].map(async ([asset, pool]) => [asset, await aTokenOf(context, pool, asset)] as const),
    ),
  );
  // Where each user's reads sit in the batch; an asset without an aToken has none (and leaves the user unpriced).
  const calls: Call[] = [];
  const layout = helds.map((held) => ({
    account:
      calls.push({ address: held.pool, abi: aaveV3PoolAbi, functionName: "getUserAccountData", args: [held.user] }) - 1,
    balances: held.assets.map((asset) => {
      const aToken = aTokens.get(asset);
      if (!aToken) return undefined;
      return calls.push({ address: aToken, abi: erc20Abi, functionName: "balanceOf", args: [held.user] }) - 1;
    }),
  }));
  const [reads, quotes] = await Promise.all([
    readAll(context, calls),
    quotesOf(context, chain, block, poolOfAsset.keys()),
  ]);
  return helds.map((held, i) => {
    const { account: accountAt, balances } = layout[i] as (typeof layout)[number];
    const account = reads[accountAt] as AccountData | undefined;
    const collateral = held.assets.map((asset, j) => {
      const at = balances[j];
      const balance = at === undefined ? undefined : (reads[at] as bigint | undefined);
      const quote = quotes.get(asset);
      if (balance === undefined || !quote || "unpriced" in quote) return undefined;
      return usdValue(balance, quote.decimals, quote.price);
    });
    // Without the debt figure or a collateral's value the equity is unknown: worth 0 rather than guessed.
    if (account === undefined || collateral.some((usd) => usd === undefined)) return nothing("unpriced");
    const collateralUsd = collateral.reduce<bigint>((sum, usd) => sum + (usd ?? 0n), 0n);
    const heldUsd = lendingCredit(held.migratedUsd, collateralUsd, account[1]);
    return heldUsd > 0n ? { heldUsd, state: "earning" } : nothing("withdrawn");
  });
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
