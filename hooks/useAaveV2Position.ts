import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { addressesFor } from "@/lib/chain/addresses";

const WORLD_CHAIN_ID = 31337;

import { readAaveV2Position } from "@/lib/aave/v2/positions";
import { readV3Eligibility } from "@/lib/aave/v3/eligibility";

export function aaveV2PositionQueryOptions(client: PublicClient, chainId: number, owner: Address) {
  return queryOptions({
    queryKey: ["aaveV2Position", chainId, owner],
    queryFn: async () => {
      // The reserve list is configuration that only the world's address book carries so far.
      if (chainId !== WORLD_CHAIN_ID) return null;
      const addresses = addressesFor(WORLD_CHAIN_ID);
      const position = await readAaveV2Position(client, addresses, owner);
      const v3 = await readV3Eligibility(
        client,
        addresses,
        position.reserves.map((r) => r.asset),
        owner,
      );
      return { position, v3, v3Reserves: addresses.aaveV3.reserves as Record<string, { variableDebtToken: Address }> };
    },
  });
}

/** The account's Aave V2 position and the Aave V3 status of its assets (two calls). */
export function useAaveV2Position(owner: Address) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  return useQuery({ ...aaveV2PositionQueryOptions(client, chainId, owner), enabled: Boolean(client) });
}
