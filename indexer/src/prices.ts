import type { Context } from "ponder:registry";
import { type Address, erc20Abi, type Hex, HttpRequestError, TimeoutError } from "viem";
import { type Unpriced, usdValue } from "../../lib/campaign/points";
import { aaveV3OracleAbi } from "../../lib/generated/abis";
import { readAll } from "./readAll";

/**
 * Token decimals never change, and prices are fixed within a block: both are memoised. The first price a block asks
 * for reads the prices of every token seen so far in one multicall, so a block of many migrations costs one read, not
 * one per token (each read through Ponder's RPC cache also costs a database lookup). Prices are keyed by block hash,
 * so a reorged block is re-read. Every read is failure-tolerant: a token whose `decimals()` reverts or the oracle
 * cannot price is worth 0, with the reason, and indexing goes on (a poison token must never halt the indexer).
 */
const decimalsByToken = new Map<Address, Promise<number | undefined>>();
const pricedTokens = new Set<Address>();
let pricesBlock: Hex | undefined;
let pricesByToken = new Map<Address, Promise<bigint | undefined>>();

/** A token amount valued at the oracle's price (USD, 8 decimals) in the event's block; 0 with a reason when it cannot be. */
export interface PricedAmount {
  price: bigint;
  usd: bigint;
  unpriced?: Unpriced;
}

export async function pricedAmount(
  context: Context,
  oracle: Address,
  blockHash: Hex,
  token: Address,
  amount: bigint,
): Promise<PricedAmount> {
  const quote = await tokenQuote(context, oracle, blockHash, token);
  if ("unpriced" in quote) return { price: quote.price, usd: 0n, unpriced: quote.unpriced };
  return { price: quote.price, usd: usdValue(amount, quote.decimals, quote.price) };
}

/** A token's oracle price and decimals at the handler's block, or why it cannot be valued. */
export type TokenQuote = { price: bigint; decimals: number } | { price: bigint; unpriced: Unpriced };

export async function tokenQuote(
  context: Context,
  oracle: Address,
  blockHash: Hex,
  token: Address,
): Promise<TokenQuote> {
  if (pricesBlock !== blockHash) {
    pricesBlock = blockHash;
    pricesByToken = new Map();
  }
  const [price, decimals] = await Promise.all([
    blockPrice(context, oracle, token),
    memo(decimalsByToken, token, () => tokenDecimals(context, token)),
  ]);
  if (decimals === undefined) return { price: price ?? 0n, unpriced: "no-decimals" };
  if (!price) return { price: 0n, unpriced: "no-price" };
  return { price, decimals };
}

/** `token`'s oracle price at the handler's block (`pricesBlock`), read with every known token's on the block's first ask. */
function blockPrice(context: Context, oracle: Address, token: Address): Promise<bigint | undefined> {
  const known = pricesByToken.get(token);
  if (known) return known;
  pricedTokens.add(token);
  const tokens = [...pricedTokens].filter((priced) => !pricesByToken.has(priced));
  const reading = oraclePrices(context, oracle, tokens);
  for (const [i, priced] of tokens.entries()) {
    const price = reading.then((prices) => prices[i]);
    pricesByToken.set(priced, price);
    // A failed read must not stick: an RPC hiccup is read again next time (Ponder retries the event).
    const forget = () => pricesByToken.get(priced) === price && pricesByToken.delete(priced);
    price.then((value) => value === undefined && forget(), forget);
  }
  return pricesByToken.get(token) as Promise<bigint | undefined>;
}

/**
 * The oracle's prices of `tokens` at the handler's block, in one batch that tolerates failures: undefined for a token
 * it cannot price (no source, no fallback). A batch that fails as a whole (the RPC is down) throws, so Ponder retries
 * the event rather than recording false zeros.
 */
async function oraclePrices(
  context: Context,
  oracle: Address,
  tokens: readonly Address[],
): Promise<(bigint | undefined)[]> {
  const prices = await readAll(
    context,
    tokens.map((token) => ({ address: oracle, abi: aaveV3OracleAbi, functionName: "getAssetPrice", args: [token] })),
  );
  return prices as (bigint | undefined)[];
}

/** `decimals()`, or undefined when the token has none, reverts, or answers something that is not a small number. */
export async function tokenDecimals(context: Context, token: Address): Promise<number | undefined> {
  const decimals = await tolerant(
    context.client.readContract({ address: token, abi: erc20Abi, functionName: "decimals", retryEmptyResponse: false }),
  );
  return decimals !== undefined && decimals <= 36 ? decimals : undefined;
}

/**
 * A contract read's value, or undefined when the call reverts, returns nothing or returns garbage. Ponder retries
 * "returned no data" for a minute unless told not to (`retryEmptyResponse: false` at every call site), which would
 * stall indexing. An unreachable RPC still throws: Ponder retries the event rather than recording a false 0.
 */
export async function tolerant<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isTransportFailure(error)) throw error;
    return undefined;
  }
}

const isTransportFailure = (error: unknown): boolean =>
  error instanceof HttpRequestError ||
  error instanceof TimeoutError ||
  (error instanceof Error && error.cause !== undefined && isTransportFailure(error.cause));

function memo<T>(cache: Map<Address, Promise<T | undefined>>, key: Address, read: () => Promise<T | undefined>) {
  const cached = cache.get(key);
  if (cached) return cached;
  const reading = read();
  cache.set(key, reading);
  // A failed read must not stick: an RPC hiccup is read again next time.
  const forget = () => cache.delete(key);
  reading.then((value) => value === undefined && forget(), forget);
  return reading;
}
