import { queryOptions, useQueries } from "@tanstack/react-query";
import type { PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { addressesFor } from "@/lib/chain/addresses";
import { candidatePoolKeys, type PoolCurrencies } from "@/lib/uniswap/v4/poolKey";
import { readV4Pools } from "@/lib/uniswap/v4/pools";

type Currencies = Pick<PoolCurrencies, "currency0" | "currency1">;

export function v4PoolsQueryOptions(client: PublicClient, chainId: number, { currency0, currency1 }: Currencies) {
  return queryOptions({
    queryKey: ["v4Pools", chainId, currency0.address, currency1.address],
    queryFn: () =>
      readV4Pools(client, addressesFor(chainId).uniswapV4.stateView, candidatePoolKeys({ currency0, currency1 })),
  });
}

/** For each pair of currencies (in pool order), its hookless V4 pool in every standard tier, in the same order. */
export function useV4Pools(pairs: Currencies[]) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  return useQueries({
    queries: pairs.map((pair) => ({ ...v4PoolsQueryOptions(client, chainId, pair), enabled: Boolean(client) })),
  });
}
