import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { readUsdPrices } from "@/lib/aave/v3/usdPrices";
import { addressesFor } from "@/lib/chain/addresses";
import type { MigratorPosition } from "@/lib/migrator/encoding";
import { simulateMigration } from "@/lib/migrator/simulate";
import type { AuthorizationCall } from "@/lib/signing/authorizations";

/** The simulation needs some deadline; the real one is set from the chain's clock when sending. */
const SIMULATION_DEADLINE_SECONDS = 3_600;

export interface PreviewInput {
  migrator: Address;
  owner: Address;
  authorizations: AuthorizationCall[];
  positions: MigratorPosition[];
  unwrapWeth: boolean;
  unreachedSignatures: number;
}

export function migrationSimulationQueryOptions(client: PublicClient, chainId: number, input: PreviewInput) {
  return queryOptions({
    queryKey: ["migrationSimulation", chainId, input],
    queryFn: () =>
      simulateMigration(client, {
        ...input,
        deadline: BigInt(Math.floor(Date.now() / 1000) + SIMULATION_DEADLINE_SECONDS),
      }),
    retry: false,
  });
}

/** The batch run on the current chain state without sending: the events it would emit and its gas. */
export function useMigrationSimulation(input: PreviewInput | undefined) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  return useQuery({
    ...migrationSimulationQueryOptions(client, chainId, input as PreviewInput),
    enabled: Boolean(client && input),
    // Keep showing the last preview while the next one computes, instead of flashing empty.
    placeholderData: keepPreviousData,
  });
}

/** Current fees and USD prices (Aave V3 oracle) of the tokens shown, refreshed every 30 s rather than per block. */
export function useMarketData(tokens: Address[]) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  const { aaveV3, tokens: known } = addressesFor(chainId);
  const priced = [...new Set([known.WETH, ...tokens])];
  return useQuery({
    queryKey: ["marketData", chainId, priced],
    queryFn: async () => {
      const [fees, prices] = await Promise.all([
        client.estimateFeesPerGas(),
        readUsdPrices(client, aaveV3.oracle, priced),
      ]);
      return { maxFeePerGas: fees.maxFeePerGas, prices, ethUsd: prices.get(known.WETH.toLowerCase()) ?? 0n };
    },
    enabled: Boolean(client),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}
