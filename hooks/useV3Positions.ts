import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { addressesFor } from "@/lib/chain/addresses";
import { readV3Positions } from "@/lib/uniswap/v3/positions";

export function v3PositionsQueryOptions(client: PublicClient, chainId: number, owner: Address) {
  return queryOptions({
    queryKey: ["v3Positions", chainId, owner],
    queryFn: () => readV3Positions(client, addressesFor(chainId).uniswapV3.positionManager, owner),
  });
}

/**
 * The Uniswap V3 positions the connected account holds, read once per account (and again after a migration
 * invalidates the queries), never per preview update: the destinations a V2 position can be added to.
 */
export function useV3Positions(owner: Address | undefined) {
  const chainId = useChainId();
  const client = usePublicClient();
  return useQuery({
    ...v3PositionsQueryOptions(client as PublicClient, chainId, owner as Address),
    enabled: Boolean(client && owner),
  });
}
