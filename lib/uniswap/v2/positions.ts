import { type Address, erc20Abi, type PublicClient } from "viem";
import type { ChainAddresses } from "../../chain/addresses";
import { uniswapV2PairAbi } from "../../generated/abis";
import { lpUnderlying } from "./liquidity";

export interface TokenInfo {
  address: Address;
  symbol: string;
  decimals: number;
}

/** A user's LP in one Uniswap V2 pair, with what it redeems for now. */
export interface V2Position {
  pair: Address;
  token0: TokenInfo;
  token1: TokenInfo;
  lpBalance: bigint;
  lpTotalSupply: bigint;
  reserve0: bigint;
  reserve1: bigint;
  amount0: bigint;
  amount1: bigint;
}

/**
 * The owner's non-zero LP positions in the chain's configured pairs, read in one multicall:
 * per token its symbol and decimals, per pair its tokens, the owner's balance, supply and reserves.
 */
export async function readV2Positions(
  client: PublicClient,
  addresses: Pick<ChainAddresses, "tokens" | "uniswapV2">,
  owner: Address,
): Promise<V2Position[]> {
  const tokens = Object.values(addresses.tokens);
  const pairs = Object.values(addresses.uniswapV2.pairs);
  const tokenCalls = tokens.flatMap((address) => [
    { address, abi: erc20Abi, functionName: "symbol" } as const,
    { address, abi: erc20Abi, functionName: "decimals" } as const,
  ]);
  const pairCalls = pairs.flatMap((address) => [
    { address, abi: uniswapV2PairAbi, functionName: "token0" } as const,
    { address, abi: uniswapV2PairAbi, functionName: "token1" } as const,
    { address, abi: uniswapV2PairAbi, functionName: "balanceOf", args: [owner] } as const,
    { address, abi: uniswapV2PairAbi, functionName: "totalSupply" } as const,
    { address, abi: uniswapV2PairAbi, functionName: "getReserves" } as const,
  ]);
  const results = await client.multicall({ contracts: [...tokenCalls, ...pairCalls], allowFailure: false });

  const tokenInfo = new Map<string, TokenInfo>(
    tokens.map((address, i) => [
      address.toLowerCase(),
      { address, symbol: results[2 * i] as string, decimals: results[2 * i + 1] as number },
    ]),
  );
  const infoOf = (address: Address): TokenInfo =>
    tokenInfo.get(address.toLowerCase()) ?? { address, symbol: "?", decimals: 18 };

  const offset = tokenCalls.length;
  return pairs
    .map((pair, i): V2Position => {
      const [token0, token1, lpBalance, lpTotalSupply, reserves] = results.slice(
        offset + 5 * i,
        offset + 5 * i + 5,
      ) as [Address, Address, bigint, bigint, readonly [bigint, bigint, number]];
      const [reserve0, reserve1] = reserves;
      return {
        pair,
        token0: infoOf(token0),
        token1: infoOf(token1),
        lpBalance,
        lpTotalSupply,
        reserve0,
        reserve1,
        ...lpUnderlying(lpBalance, lpTotalSupply, reserve0, reserve1),
      };
    })
    .filter((position) => position.lpBalance > 0n);
}
