import type { Context } from "ponder:registry";
import { type Address, erc20Abi, type Hex, HttpRequestError, TimeoutError } from "viem";
import { type Unpriced, usdValue } from "../../lib/campaign/points";
import { aaveV3OracleAbi } from "../../lib/generated/abis";

/**
 * Token decimals never change, and prices are fixed within a block: both are memoised so a block of many
 * migrations costs one oracle read per token. Prices are keyed by block hash, so a reorged block is re-read.
 * Every read is failure-tolerant: a token whose `decimals()` reverts or the oracle cannot price is worth 0, with the
 * reason, and indexing goes on (a poison token must never halt the indexer).
 */
const decimalsByToken = new Map<Address, Promise<number | undefined>>();
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
    memo(pricesByToken, token, () => oraclePrice(context, oracle, token)),
    memo(decimalsByToken, token, () => tokenDecimals(context, token)),
  ]);
  if (decimals === undefined) return { price: price ?? 0n, unpriced: "no-decimals" };
  if (!price) return { price: 0n, unpriced: "no-price" };
  return { price, decimals };
}

/** The oracle's price at the handler's block, or undefined when it reverts (no source, no fallback). */
export function oraclePrice(context: Context, oracle: Address, token: Address): Promise<bigint | undefined> {
  return tolerant(
    context.client.readContract({
      address: oracle,
      abi: aaveV3OracleAbi,
      functionName: "getAssetPrice",
      args: [token],
      retryEmptyResponse: false,
    }),
  );
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
  reading.then((value) => value === undefined && cache.delete(key));
  return reading;
}
