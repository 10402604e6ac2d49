import { type Address, type PublicClient, parseAbi } from "viem";

/** Aave's oracle interface (V3: USD prices with 8 decimals). Only the call Ferry makes. */
const aaveOracleAbi = parseAbi(["function getAssetsPrices(address[] assets) view returns (uint256[])"]);
export const ORACLE_DECIMALS = 8;

/** USD prices (8 decimals) of `tokens` from the Aave V3 oracle, in one call. */
export async function readUsdPrices(client: PublicClient, oracle: Address, tokens: Address[]) {
  const prices = await client.readContract({
    address: oracle,
    abi: aaveOracleAbi,
    functionName: "getAssetsPrices",
    args: [tokens],
  });
  return new Map(tokens.map((token, i) => [token.toLowerCase(), prices[i] ?? 0n]));
}

/** USD value (as a float, for display and ratios) of a raw token amount at an oracle price. */
export function usdValue(amount: bigint, decimals: number, price: bigint): number {
  return (Number(amount) / 10 ** decimals) * (Number(price) / 10 ** ORACLE_DECIMALS);
}
