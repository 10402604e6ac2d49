import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { uniswapV2ToV3 } from "@/lib/routes/uniswapV2ToV3";

export function v2PositionsQueryOptions(client: PublicClient, chainId: number, owner: Address) {
  return queryOptions({
    queryKey: ["v2Positions", chainId, owner],
    queryFn: () => uniswapV2ToV3.discover(client, chainId, owner),
  });
}

/** The connected account's Uniswap V2 LP positions in the chain's configured pairs. */
export function useV2Positions(owner: Address | undefined) {
  const chainId = useChainId();
  const client = usePublicClient();
  return useQuery({
    ...v2PositionsQueryOptions(client as PublicClient, chainId, owner as Address),
    enabled: Boolean(client && owner),
  });
}
