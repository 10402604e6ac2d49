import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { addressesFor } from "@/lib/chain/addresses";
import { describeWalletError } from "@/lib/chain/walletErrors";
import { type HeldV4Position, readV4Positions } from "@/lib/uniswap/v4/positions";

export function v4PositionsQueryOptions(client: PublicClient, chainId: number, owner: Address) {
  return queryOptions({
    queryKey: ["v4Positions", chainId, owner],
    queryFn: () => readV4Positions(client, addressesFor(chainId).uniswapV4.positionManager, owner),
  });
}

/** The account's V4 positions, and why they could not be read if so (then there are none to add to). */
export interface HeldV4Positions {
  positions: HeldV4Position[];
  unreadable: string | undefined;
}

/**
 * The Uniswap V4 positions the connected account holds, read once per account (and again after a migration
 * invalidates the queries), never per preview update: the destinations a V4 migration can add to. A node that
 * refuses the read (a provider limiting `eth_getLogs` to a block range, on a fork) leaves none to add to, and
 * `unreadable` says why: the migration can still mint a new position.
 */
export function useV4Positions(owner: Address | undefined): HeldV4Positions {
  const chainId = useChainId();
  const client = usePublicClient();
  const read = useQuery({
    ...v4PositionsQueryOptions(client as PublicClient, chainId, owner as Address),
    enabled: Boolean(client && owner),
  });
  return { positions: read.data ?? [], unreadable: read.isError ? describeWalletError(read.error) : undefined };
}
