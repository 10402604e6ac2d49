import { useQueryClient } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { getBalanceQueryKey } from "wagmi/query";
import { aaveV2PositionQueryOptions } from "./useAaveV2Position";
import { v2PositionsQueryOptions } from "./useV2Positions";
import { v3PositionsQueryOptions } from "./useV3Positions";
import { v3SourcePositionsQueryOptions } from "./useV3SourcePositions";
import { v4PositionsQueryOptions } from "./useV4Positions";

/**
 * After a migration every card must show the chain as it is now: the account's V2 pairs, V3 positions (as destinations and as sources), V4 positions, Aave V2
 * position and ETH balance are read again (only those: the pools and prices did not change for the user).
 */
export function useRefreshPositions(owner: Address) {
  const queryClient = useQueryClient();
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  return () =>
    Promise.all(
      [
        v2PositionsQueryOptions(client, chainId, owner).queryKey,
        v3PositionsQueryOptions(client, chainId, owner).queryKey,
        v3SourcePositionsQueryOptions(client, chainId, owner).queryKey,
        v4PositionsQueryOptions(client, chainId, owner).queryKey,
        aaveV2PositionQueryOptions(client, chainId, owner).queryKey,
        getBalanceQueryKey({ address: owner, chainId }),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
}
