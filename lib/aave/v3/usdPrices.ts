import type { Address, PublicClient } from "viem";
import { aaveV3OracleAbi } from "../../generated/abis";

export const ORACLE_DECIMALS = 8;

/** USD prices (8 decimals) of `tokens` from the Aave V3 oracle, in one multicall, keyed by lowercase address. */
export async function readUsdPrices(client: PublicClient, oracle: Address, tokens: Address[]) {
  const prices = await client.multicall({
    allowFailure: false,
    contracts: tokens.map(
      (token) => ({ address: oracle, abi: aaveV3OracleAbi, functionName: "getAssetPrice", args: [token] }) as const,
    ),
  });
  return new Map(tokens.map((token, i) => [token.toLowerCase(), prices[i] ?? 0n]));
}

/** An oracle-denominated USD amount (8 decimals) as a float, for display and ratios. */
export const oracleUsd = (usd: bigint): number => Number(usd) / 10 ** ORACLE_DECIMALS;

/** USD value (as a float, for display and ratios) of a raw token amount at an oracle price. */
export function usdValue(amount: bigint, decimals: number, price: bigint): number {
  return (Number(amount) / 10 ** decimals) * oracleUsd(price);
}

/** USD value of token amounts at the quotes by lowercase address, when every price is known. */
export function tokensUsd(
  amounts: readonly (readonly [bigint, { address: Address; decimals: number }])[],
  prices: ReadonlyMap<string, bigint> | undefined,
): number | undefined {
  let total = 0;
  for (const [amount, token] of amounts) {
    const price = prices?.get(token.address.toLowerCase());
    if (price === undefined) return undefined;
    total += usdValue(amount, token.decimals, price);
  }
  return total;
}
