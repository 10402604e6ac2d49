import { queryOptions, useQueries } from "@tanstack/react-query";
import type { PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { addressesFor } from "@/lib/chain/addresses";
import type { V2Position } from "@/lib/uniswap/v2/positions";
import { readV3FeeTiers } from "@/lib/uniswap/v3/pool";

export function v3FeeTiersQueryOptions(client: PublicClient, chainId: number, position: V2Position) {
  const { token0, token1 } = position;
  return queryOptions({
    queryKey: ["v3FeeTiers", chainId, token0.address, token1.address],
    queryFn: () => readV3FeeTiers(client, addressesFor(chainId).uniswapV3, token0.address, token1.address),
  });
}

/** Each position's V3 pools, one per fee tier (whether they exist and how deep they are), in the same order. */
export function useV3FeeTiers(positions: V2Position[]) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  return useQueries({
    queries: positions.map((position) => ({
      ...v3FeeTiersQueryOptions(client, chainId, position),
      enabled: Boolean(client),
    })),
  });
}
