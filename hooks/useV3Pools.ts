import { queryOptions, useQueries } from "@tanstack/react-query";
import type { PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { addressesFor } from "@/lib/chain/addresses";
import type { V2Position } from "@/lib/uniswap/v2/positions";
import { readV3Pool } from "@/lib/uniswap/v3/pool";
import type { FeeTier } from "@/lib/uniswap/v3/poolMath";

export function v3PoolQueryOptions(client: PublicClient, chainId: number, position: V2Position, fee: FeeTier) {
  const { token0, token1 } = position;
  return queryOptions({
    queryKey: ["v3Pool", chainId, token0.address, token1.address, fee],
    queryFn: () => readV3Pool(client, addressesFor(chainId).uniswapV3, token0.address, token1.address, fee),
  });
}

/** The destination pool of each (position, fee tier), in the same order. */
export function useV3Pools(targets: { position: V2Position; fee: FeeTier }[]) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  return useQueries({
    queries: targets.map(({ position, fee }) => ({
      ...v3PoolQueryOptions(client, chainId, position, fee),
      enabled: Boolean(client),
    })),
  });
}
