"use client";

import type { Address } from "viem";
import { useBalance } from "wagmi";
import { Alert } from "@/components/Alert";
import { Card } from "@/components/Card";
import { Field } from "@/components/Field";
import type { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import type { AaveMigrationPlan } from "@/lib/aaveMigrationPlan";
import { gasCost } from "@/lib/gasCost";
import type { Parsed } from "@/lib/inputs";
import { describeMigrationError } from "@/lib/migrationErrors";
import { MigrationRevert } from "@/lib/simulateMigration";
import { describeWalletError, NOT_ENOUGH_ETH } from "@/lib/walletErrors";
import { type Approvals, ApprovalsToggle } from "./ApprovalsToggle";
import type { ReadyPlan } from "./draft";
import { formatUsd, positionName, positionUsd } from "./PositionList";
import { type MigrationResult, SignAndMigrate } from "./SignAndMigrate";

export interface BatchOptions {
  slippage: string;
  unwrapWeth: boolean;
  /** Approval transactions chosen by hand (a smart-contract wallet uses them whatever this says). */
  useApprovals: boolean;
}

/** Batch-wide settings, the simulated cost of the whole batch, and the way to sign and send it. */
export function ReviewCard({
  owner,
  migrator,
  ready,
  sendable,
  options,
  slippageBps,
  onOptionsChange,
  approvals,
  simulation,
  market,
  aave,
  onDone,
}: {
  owner: Address;
  migrator: Address;
  ready: ReadyPlan[];
  sendable: boolean;
  options: BatchOptions;
  slippageBps: Parsed<number>;
  onOptionsChange: (options: BatchOptions) => void;
  approvals: Approvals;
  simulation: ReturnType<typeof useMigrationSimulation>;
  market: ReturnType<typeof useMarketData>;
  /** The Aave V2 position, when it moves in the same transaction. */
  aave: AaveMigrationPlan | undefined;
  onDone: (result: MigrationResult) => void;
}) {
  const ethBalance = useBalance({ address: owner });
  const valueMovedUsd = ready.reduce((sum, { position, plan }) => {
    const usd = positionUsd(position, market.data?.prices) ?? 0;
    return sum + (usd * Number(plan.lpAmount)) / Number(position.lpBalance);
  }, 0);
  const gas =
    simulation.data && market.data
      ? gasCost(simulation.data.gasUsed, market.data.maxFeePerGas, market.data.ethUsd, valueMovedUsd)
      : undefined;
  const lacksGasMoney = gas !== undefined && ethBalance.data !== undefined && ethBalance.data.value < gas.wei;
  const simulationError =
    simulation.error instanceof MigrationRevert
      ? describeMigrationError(simulation.error.errorName, simulation.error.message)
      : simulation.error
        ? describeWalletError(simulation.error)
        : undefined;

  return (
    <Card title="Review and migrate">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Slippage tolerance (%)"
          value={options.slippage}
          onChange={(event) => onOptionsChange({ ...options, slippage: event.target.value })}
          error={slippageBps.ok ? undefined : slippageBps.error}
        />
        <div className="space-y-2 pt-6 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={options.unwrapWeth}
              onChange={(event) => onOptionsChange({ ...options, unwrapWeth: event.target.checked })}
            />
            Receive ETH instead of WETH for refunds
          </label>
          <ApprovalsToggle
            approvals={approvals}
            onChange={(useApprovals) => onOptionsChange({ ...options, useApprovals })}
          />
        </div>
      </div>
      {simulation.isFetching && !simulation.data ? <p className="text-sm">Simulating the migration…</p> : null}
      {simulationError ? <Alert tone="error">{simulationError}</Alert> : null}
      {market.error ? (
        <Alert tone="error">Could not read gas fees and prices: {describeWalletError(market.error)}</Alert>
      ) : null}
      {gas && !simulationError ? (
        <p className="text-sm" data-testid="gas-estimate">
          Gas: {simulation.data?.gasUsed.toLocaleString("en-US")} units · up to{" "}
          {(Number(gas.wei) / 1e18).toPrecision(3)} ETH ({formatUsd(gas.usd)}) · {(gas.share * 100).toFixed(2)}% of the{" "}
          {formatUsd(valueMovedUsd)} moved
        </p>
      ) : null}
      {lacksGasMoney ? <Alert tone="error">{NOT_ENOUGH_ETH}</Alert> : null}
      {gas?.expensive ? (
        <Alert tone="info">Gas would cost more than 10% of the value moved: consider moving more at once.</Alert>
      ) : null}
      <SignAndMigrate
        owner={owner}
        migrator={migrator}
        batch={ready.map(({ position, plan }) => ({
          pair: position.pair,
          name: positionName(position),
          params: plan.params,
        }))}
        unwrapWeth={options.unwrapWeth}
        useApprovals={approvals.active}
        aave={aave}
        disabled={!sendable || lacksGasMoney || !simulation.isSuccess || simulation.isPlaceholderData}
        onDone={onDone}
      />
    </Card>
  );
}
