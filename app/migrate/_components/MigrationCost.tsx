"use client";

import type { Address } from "viem";
import { useBalance } from "wagmi";
import { Alert } from "@/components/Alert";
import type { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import { gasCost } from "@/lib/chain/gasCost";
import { describeWalletError, NOT_ENOUGH_ETH } from "@/lib/chain/walletErrors";
import { formatUsd } from "@/lib/format";
import { describeMigrationError } from "@/lib/migrator/errors";
import { MigrationRevert } from "@/lib/migrator/simulate";

/**
 * A simulated migration's worst-case gas cost at current fees (ETH, USD, share of the USD value moved), what went
 * wrong simulating it, and whether sending must wait: for a fresh simulation, or for ETH to pay the gas.
 */
export function useMigrationCost(
  owner: Address,
  simulation: ReturnType<typeof useMigrationSimulation>,
  market: ReturnType<typeof useMarketData>,
  valueMovedUsd: number,
) {
  const ethBalance = useBalance({ address: owner });
  const gas =
    simulation.data && market.data
      ? gasCost(simulation.data.gasUpperBound, market.data.maxFeePerGas, market.data.ethUsd, valueMovedUsd)
      : undefined;
  const lacksGasMoney = gas !== undefined && ethBalance.data !== undefined && ethBalance.data.value < gas.wei;
  const simulationError =
    simulation.error instanceof MigrationRevert
      ? describeMigrationError(simulation.error.errorName, simulation.error.message)
      : simulation.error
        ? describeWalletError(simulation.error)
        : undefined;
  return {
    gas,
    gasUpperBound: simulation.data?.gasUpperBound,
    valueMovedUsd,
    simulating: simulation.isFetching && !simulation.data,
    simulationError,
    marketError: market.error,
    lacksGasMoney,
    blocksSending: lacksGasMoney || !simulation.isSuccess || simulation.isPlaceholderData,
  };
}

/** The cost line and its warnings; `testId` tells one migration's line from another's on the same page. */
export function MigrationCost({ cost, testId }: { cost: ReturnType<typeof useMigrationCost>; testId: string }) {
  const { gas, simulationError } = cost;
  return (
    <>
      {cost.simulating ? <p className="text-sm">Simulating the migration…</p> : null}
      {simulationError ? <Alert tone="error">{simulationError}</Alert> : null}
      {cost.marketError ? (
        <Alert tone="error">Could not read gas fees and prices: {describeWalletError(cost.marketError)}</Alert>
      ) : null}
      {gas && !simulationError ? (
        <p className="text-sm" data-testid={testId}>
          Gas: up to {cost.gasUpperBound?.toLocaleString("en-US")} units · {(Number(gas.wei) / 1e18).toPrecision(3)} ETH
          ({formatUsd(gas.usd)}) · {(gas.share * 100).toFixed(2)}% of the {formatUsd(cost.valueMovedUsd)} moved
        </p>
      ) : null}
      {cost.lacksGasMoney ? <Alert tone="error">{NOT_ENOUGH_ETH}</Alert> : null}
      {gas?.expensive ? (
        <Alert tone="info">Gas would cost more than 10% of the value moved: consider moving more at once.</Alert>
      ) : null}
    </>
  );
}
