import type { Context } from "ponder:registry";
import { type Address, erc20Abi, type Hex } from "viem";
import { usdValue } from "../../lib/campaign/points";
import { aaveV3OracleAbi } from "../../lib/generated/abis";

/**
 * Token decimals never change, and prices are fixed within a block: both are memoised so a block of many
 * migrations costs one oracle read per token. Prices are keyed by block hash, so a reorged block is re-read.
 */
const decimalsByToken = new Map<Address, Promise<number>>();
let pricesBlock: Hex | undefined;
let pricesByToken = new Map<Address, Promise<bigint>>();

/** A token amount valued at the oracle's price (USD, 8 decimals) in the event's block. */
export async function pricedAmount(context: Context, oracle: Address, blockHash: Hex, token: Address, amount: bigint) {
  if (pricesBlock !== blockHash) {
    pricesBlock = blockHash;
    pricesByToken = new Map();
  }
  const price = memo(pricesByToken, token, () =>
    context.client.readContract({
      address: oracle,
      abi: aaveV3OracleAbi,
      functionName: "getAssetPrice",
      args: [token],
    }),
  );
  const decimals = memo(decimalsByToken, token, () =>
    context.client.readContract({ address: token, abi: erc20Abi, functionName: "decimals" }),
  );
  const [usdPrice, tokenDecimals] = await Promise.all([price, decimals]);
  return { price: usdPrice, usd: usdValue(amount, tokenDecimals, usdPrice) };
}

function memo<T>(cache: Map<Address, Promise<T>>, key: Address, read: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const reading = read();
  cache.set(key, reading);
  // A failed read must not stick.
  reading.catch(() => cache.delete(key));
  return reading;
}
