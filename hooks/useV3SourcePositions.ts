import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { uniswapV3ToV4 } from "@/lib/routes/uniswapV3ToV4";

export function v3SourcePositionsQueryOptions(client: PublicClient, chainId: number, owner: Address) {
  return queryOptions({
    queryKey: ["v3SourcePositions", chainId, owner],
    queryFn: () => uniswapV3ToV4.discover(client, chainId, owner),
  });
}

/**
 * The connected account's Uniswap V3 positions as migration sources: with their principal and uncollected fees, read
 * once per account (and again after a migration invalidates the queries), never per preview update.
 */
export function useV3SourcePositions(owner: Address | undefined) {
  const chainId = useChainId();
  const client = usePublicClient();
  return useQuery({
    ...v3SourcePositionsQueryOptions(client as PublicClient, chainId, owner as Address),
    enabled: Boolean(client && owner),
  });
}
