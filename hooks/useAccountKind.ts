import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { accountKindFromCode } from "@/lib/chain/accountKind";

export function accountKindQueryOptions(client: PublicClient, chainId: number, account: Address) {
  return queryOptions({
    queryKey: ["accountKind", chainId, account],
    queryFn: async () => accountKindFromCode(await client.getCode({ address: account })),
  });
}

/** Whether the connected account is an EOA or a smart-contract wallet (which cannot sign permits), from its code. */
export function useAccountKind(account: Address) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  return useQuery({ ...accountKindQueryOptions(client, chainId, account), enabled: Boolean(client) });
}
