"use client";

import type { Address } from "viem";
import { Card } from "@/components/Card";
import { Field } from "@/components/Field";
import type { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import type { AaveMigrationPlan } from "@/lib/aave/v2ToV3Plan";
import { oracleUsd } from "@/lib/aave/v3/usdPrices";
import type { Parsed } from "@/lib/inputs";
import { type Approvals, ApprovalsToggle } from "./ApprovalsToggle";
import type { ReadyPlan } from "./draft";
import { MigrationCost, useMigrationCost } from "./MigrationCost";
import { positionName, positionUsd } from "./PositionList";
import { BATCH_LABELS, type MigrationResult, SignAndMigrate } from "./SignAndMigrate";

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
  const lpUsd = ready.reduce((sum, { position, plan }) => {
    const usd = positionUsd(position, market.data?.prices) ?? 0;
    return sum + (usd * Number(plan.lpAmount)) / Number(position.lpBalance);
  }, 0);
  const aaveUsd = aave ? oracleUsd(aave.movedUsd) : 0;
  const cost = useMigrationCost(owner, simulation, market, lpUsd + aaveUsd);

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
      <ul className="space-y-1 text-sm" aria-label="Destinations">
        {ready.map(({ position, destination }) => (
          <li key={position.pair}>
            {positionName(position)}:{" "}
            {destination ? `Adds to your position #${destination.tokenId}` : "Mints a new V3 position"}
          </li>
        ))}
      </ul>
      <MigrationCost cost={cost} testId="gas-estimate" />
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
        labels={BATCH_LABELS}
        disabled={!sendable || cost.blocksSending}
        onDone={(result) =>
          onDone({ ...result, addedTo: ready.flatMap(({ destination }) => (destination ? [destination.tokenId] : [])) })
        }
      />
    </Card>
  );
}
