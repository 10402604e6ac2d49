"use client";

import { useState } from "react";
import type { Address } from "viem";
import { Alert } from "@/components/Alert";
import { Card } from "@/components/Card";
import { Field } from "@/components/Field";
import { type useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import { formatHealthFactor } from "@/lib/aave/healthFactor";
import type { AaveV2Position, AaveV2Reserve } from "@/lib/aave/v2/positions";
import { isMoving, type KeptOnV2, type ReserveSide, withMoving } from "@/lib/aave/v2/selection";
import { type AaveMigrationPlan, aaveSimulation } from "@/lib/aave/v2ToV3Plan";
import { oracleUsd } from "@/lib/aave/v3/usdPrices";
import { formatAmount, formatUsd } from "@/lib/format";
import type { Parsed } from "@/lib/inputs";
import { type Approvals, ApprovalsToggle } from "./ApprovalsToggle";
import { MigrationCost, useMigrationCost } from "./MigrationCost";
import { type MigrationResult, type SendLabels, SignAndMigrate } from "./SignAndMigrate";

/**
 * The account's Aave V2 position with the reserves to move, what V3 says about each asset, both health factors, and
 * either its own transaction or a place in the batch with the Uniswap positions.
 */
export function AaveMigration({
  owner,
  migrator,
  position,
  plan,
  kept,
  onKeptChange,
  minHealthFactor,
  minimum,
  onMinHealthFactorChange,
  inBatch,
  onInBatchChange,
  batchAvailable,
  approvals,
  onApprovalsChange,
  market,
}: {
  owner: Address;
  migrator: Address;
  position: AaveV2Position;
  plan: AaveMigrationPlan | undefined;
  kept: KeptOnV2;
  onKeptChange: (kept: KeptOnV2) => void;
  minHealthFactor: string;
  minimum: Parsed<number>;
  onMinHealthFactorChange: (value: string) => void;
  inBatch: boolean;
  onInBatchChange: (inBatch: boolean) => void;
  batchAvailable: boolean;
  approvals: Approvals;
  onApprovalsChange: (useApprovals: boolean) => void;
  market: ReturnType<typeof useMarketData>;
}) {
  return (
    <Card title="Your Aave V2 position">
      <ReserveTable position={position} kept={kept} onKeptChange={onKeptChange} />
      <p className="text-sm text-muted">Ticked supplies and debts move whole; the rest stays on Aave V2.</p>
      {plan ? (
        <>
          <ul aria-label="Aave V3 eligibility" className="space-y-1 text-sm">
            {plan.checks.map((check) => (
              <li key={`${check.asset}-${check.reason}`} className={check.ok ? "" : "text-red-700 dark:text-red-300"}>
                {check.ok ? "✓" : "✗"} {check.reason}
              </li>
            ))}
          </ul>
          <p className="text-sm" data-testid="health-factors">
            Health factor on Aave V2: {formatHealthFactor(plan.before)} →{" "}
            {formatHealthFactor(plan.after.v2.healthFactor)} · on Aave V3 after:{" "}
            {formatHealthFactor(plan.after.v3.healthFactor)} (liquidation below 1.00)
          </p>
        </>
      ) : null}
      <Field
        label="Minimum health factor on Aave V3"
        value={minHealthFactor}
        onChange={(event) => onMinHealthFactorChange(event.target.value)}
        error={minimum.ok ? undefined : minimum.error}
      />
      {plan?.problem ? <Alert tone="error">{plan.problem}</Alert> : null}
      {plan && !plan.problem && !plan.healthy ? (
        <Alert tone="error">
          The Aave V3 health factor would be {formatHealthFactor(plan.after.v3.healthFactor)}, below your minimum (and
          Ferry never goes below 1.005). Lower the minimum only if you accept the liquidation risk.
        </Alert>
      ) : null}
      {batchAvailable ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={inBatch} onChange={(event) => onInBatchChange(event.target.checked)} />
          Move it in the same transaction as the Uniswap positions below
        </label>
      ) : null}
      {plan && !inBatch ? (
        <>
          <ApprovalsToggle approvals={approvals} onChange={onApprovalsChange} />
          <AaveSignAndSend
            owner={owner}
            migrator={migrator}
            plan={plan}
            useApprovals={approvals.active}
            market={market}
          />
        </>
      ) : null}
    </Card>
  );
}

/** Each reserve's supply and debt, with a box to tick for each one that moves. */
function ReserveTable({
  position,
  kept,
  onKeptChange,
}: {
  position: AaveV2Position;
  kept: KeptOnV2;
  onKeptChange: (kept: KeptOnV2) => void;
}) {
  const cell = (reserve: AaveV2Reserve, side: ReserveSide, amount: bigint, usd: bigint) =>
    amount > 0n ? (
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          aria-label={`Move ${reserve.symbol} ${side}`}
          checked={isMoving(kept, side, reserve.asset)}
          onChange={(event) => onKeptChange(withMoving(kept, side, reserve.asset, event.target.checked))}
        />
        {formatAmount(amount, reserve.decimals)}
        <span className="text-muted">{formatUsd(oracleUsd(usd))}</span>
      </label>
    ) : (
      formatAmount(amount, reserve.decimals)
    );
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Aave V2 reserves</caption>
      <thead>
        <tr className="text-left text-muted">
          <th scope="col">Asset</th>
          <th scope="col">Supplied</th>
          <th scope="col">Borrowed</th>
        </tr>
      </thead>
      <tbody>
        {position.reserves.map((reserve) => (
          <tr key={reserve.asset}>
            <th scope="row" className="text-left font-medium">
              {reserve.symbol}
            </th>
            <td>{cell(reserve, "supply", reserve.supplied, reserve.suppliedUsd)}</td>
            <td>{cell(reserve, "debt", reserve.stableDebt + reserve.variableDebt, reserve.debtUsd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const AAVE_LABELS: SendLabels = {
  review: "Review Aave authorisations",
  sign: "Sign Aave authorisations",
  migrate: "Move Aave position in one transaction",
  approveAndMigrate: "Approve and move Aave position",
};

/** The Aave position on its own: its simulated cost, its signatures or approvals, then one transaction. */
function AaveSignAndSend({
  owner,
  migrator,
  plan,
  useApprovals,
  market,
}: {
  owner: Address;
  migrator: Address;
  plan: AaveMigrationPlan;
  useApprovals: boolean;
  market: ReturnType<typeof useMarketData>;
}) {
  const simulation = useMigrationSimulation(
    plan.sendable ? { migrator, owner, ...aaveSimulation(plan, migrator), unwrapWeth: false } : undefined,
  );
  const cost = useMigrationCost(owner, simulation, market, oracleUsd(plan.movedUsd));
  const [done, setDone] = useState<MigrationResult>();

  if (done) {
    return done.movedAave ? (
      <Alert tone="success">
        Your Aave position moved to Aave V3 in one transaction (<code className="break-all">{done.hash}</code>).
      </Alert>
    ) : (
      <Alert tone="error">The transaction was mined but Ferry reported no lending migration.</Alert>
    );
  }
  return (
    <div className="space-y-3">
      {plan.sendable ? <MigrationCost cost={cost} testId="aave-gas-estimate" /> : null}
      <SignAndMigrate
        owner={owner}
        migrator={migrator}
        batch={[]}
        unwrapWeth={false}
        useApprovals={useApprovals}
        aave={plan}
        labels={AAVE_LABELS}
        disabled={!plan.sendable || cost.blocksSending}
        onDone={setDone}
      />
    </div>
  );
}
