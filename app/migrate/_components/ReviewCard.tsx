"use client";

import { useState } from "react";
import type { Address } from "viem";
import { Card } from "@/components/Card";
import { Field } from "@/components/Field";
import type { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import type { Parsed } from "@/lib/inputs";
import type { Leg } from "@/lib/routes/types";
import { slippageGuardLevel } from "@/lib/uniswap/slippageGuard";
import { type Approvals, ApprovalsToggle } from "./ApprovalsToggle";
import { MigrationCost, useMigrationCost } from "./MigrationCost";
import { BATCH_LABELS, type MigrationResult, SignAndMigrate } from "./SignAndMigrate";
import { SlippageGuard } from "./SlippageGuard";

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
  legs,
  sendable,
  options,
  slippageBps,
  onOptionsChange,
  approvals,
  simulation,
  market,
  onDone,
}: {
  owner: Address;
  migrator: Address;
  /** Every leg of every route in the shared transaction, in the order the Migrator runs them. */
  legs: Leg[];
  sendable: boolean;
  options: BatchOptions;
  slippageBps: Parsed<number>;
  onOptionsChange: (options: BatchOptions) => void;
  approvals: Approvals;
  simulation: ReturnType<typeof useMigrationSimulation>;
  market: ReturnType<typeof useMarketData>;
  onDone: (result: MigrationResult) => void;
}) {
  const valueMovedUsd = legs.reduce((sum, leg) => sum + leg.valueUsd(market.data?.prices), 0);
  const cost = useMigrationCost(owner, simulation, market, valueMovedUsd);
  const slippageLevel = slippageBps.ok ? slippageGuardLevel(slippageBps.value) : "ok";
  // The tolerance the user accepted: typing another one asks again.
  const [acceptedSlippage, setAcceptedSlippage] = useState<string>();
  const slippageAccepted = slippageLevel !== "confirm" || acceptedSlippage === options.slippage;

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
      <SlippageGuard
        level={slippageLevel}
        percent={options.slippage.trim()}
        confirmed={slippageAccepted}
        onConfirm={(confirmed) => setAcceptedSlippage(confirmed ? options.slippage : undefined)}
      />
      <ul className="space-y-1 text-sm" aria-label="Destinations">
        {legs.flatMap(({ key, name, destination }) =>
          destination ? [<li key={key}>{`${name}: ${destination}`}</li>] : [],
        )}
      </ul>
      <MigrationCost cost={cost} testId="gas-estimate" />
      <SignAndMigrate
        owner={owner}
        migrator={migrator}
        legs={legs}
        unwrapWeth={options.unwrapWeth}
        useApprovals={approvals.active}
        labels={BATCH_LABELS}
        disabled={!sendable || cost.blocksSending || !slippageAccepted}
        onDone={onDone}
      />
    </Card>
  );
}
