import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { aaveV2ToV3 } from "@/lib/routes/aaveV2ToV3";

export function aaveV2PositionQueryOptions(client: PublicClient, chainId: number, owner: Address) {
  return queryOptions({
    queryKey: ["aaveV2Position", chainId, owner],
    queryFn: () => aaveV2ToV3.discover(client, chainId, owner),
  });
}

/** The account's Aave V2 position and the Aave V3 status of its assets (two calls). */
export function useAaveV2Position(owner: Address) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  return useQuery({ ...aaveV2PositionQueryOptions(client, chainId, owner), enabled: Boolean(client) });
}
