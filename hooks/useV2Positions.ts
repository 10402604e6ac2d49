import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { addressesFor } from "@/lib/chain/addresses";
import { readV2Positions } from "@/lib/uniswap/v2/positions";

export function v2PositionsQueryOptions(client: PublicClient, chainId: number, owner: Address) {
  return queryOptions({
    queryKey: ["v2Positions", chainId, owner],
    queryFn: () => readV2Positions(client, addressesFor(chainId), owner),
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
