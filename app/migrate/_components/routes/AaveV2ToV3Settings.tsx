"use client";

import { parseUnits } from "viem";
import { Alert } from "@/components/Alert";
import { Card } from "@/components/Card";
import { Field } from "@/components/Field";
import { useAaveV2Position } from "@/hooks/useAaveV2Position";
import { useMigrationSimulation } from "@/hooks/useMigrationPreview";
import { formatApy, type ReserveRates, rayToApy } from "@/lib/aave/apy";
import { formatHealthFactor, healthFactorsAfter } from "@/lib/aave/healthFactor";
import type { AaveV2Position, AaveV2Reserve } from "@/lib/aave/v2/positions";
import { isMoving, type KeptOnV2, MOVE_EVERYTHING, type ReserveSide, withMoving } from "@/lib/aave/v2/selection";
import { BALANCE_BUFFER_BPS } from "@/lib/aave/v2ToV3Signatures";
import type { V3ReserveStatus } from "@/lib/aave/v3/eligibility";
import { oracleUsd } from "@/lib/aave/v3/usdPrices";
import { formatAmount, formatUsd } from "@/lib/format";
import { parsePositiveNumber } from "@/lib/inputs";
import { type AaveV2ToV3Plan, aaveV2ToV3 } from "@/lib/routes/aaveV2ToV3";
import { batchSimulation } from "@/lib/routes/batch";
import { type Leg, legOf } from "@/lib/routes/types";
import { ApprovalsToggle } from "../ApprovalsToggle";
import { useKeptState } from "../keptInputs";
import { MigrationCost, useMigrationCost } from "../MigrationCost";
import { type SendLabels, SignAndMigrate } from "../SignAndMigrate";
import type { BatchView, RouteContext, RouteSettings } from "./types";

/**
 * The account's Aave V2 position: the reserves to move, the minimum health factor, and either its own transaction
 * or a place in the shared one. It never opens the batch by itself.
 */
export function useAaveV2ToV3Settings(context: RouteContext): RouteSettings {
  const aave = useAaveV2Position(context.owner);
  const [minHealthFactor, setMinHealthFactor] = useKeptState("aaveV2ToV3.minHealthFactor", "1.1");
  const [inBatch, setInBatch] = useKeptState("aaveV2ToV3.inBatch", false);
  const [kept, setKept] = useKeptState<KeptOnV2>("aaveV2ToV3.kept", MOVE_EVERYTHING);
  const sources = aave.data?.position.reserves.length ? aave.data : undefined;
  const minimum = parsePositiveNumber(minHealthFactor, "minimum health factor", "1.5");
  const planned =
    sources && minimum.ok
      ? aaveV2ToV3.plan({ sources, minHealthFactor: parseUnits(String(minimum.value), 18), kept })
      : undefined;
  const plan = planned?.ok ? planned.plan : undefined;
  const leg = plan ? legOf(aaveV2ToV3, plan, context.migrator) : undefined;
  // The position joins the shared transaction only when the user asks and Ferry would let it go on its own.
  const joins = inBatch && plan?.sendable && leg ? [leg] : [];

  return {
    tokens: [],
    opensBatch: false,
    legs: joins,
    complete: true,
    sendable: true,
    render: (view) =>
      sources ? (
        <Card title="Your Aave V2 position">
          <ReserveTable position={sources.position} kept={kept} onKeptChange={setKept} />
          <RatesTable position={sources.position} v3={sources.v3.reserves} />
          <p className="text-sm text-muted">Ticked supplies and debts move whole; the rest stays on Aave V2.</p>
          {plan ? <PlanSummary plan={plan} /> : null}
          {plan ? <RateAndBufferNotes position={sources.position} kept={kept} /> : null}
          <Field
            label="Minimum health factor on Aave V3"
            value={minHealthFactor}
            onChange={(event) => setMinHealthFactor(event.target.value)}
            error={minimum.ok ? undefined : minimum.error}
          />
          {planned?.ok === false ? <Alert tone="error">{planned.error}</Alert> : null}
          {plan?.problem ? <Alert tone="error">{plan.problem}</Alert> : null}
          {plan && !plan.problem && !plan.healthy ? (
            <Alert tone="error">
              The Aave V3 health factor would be {formatHealthFactor(plan.after.v3.healthFactor)}, below your minimum
              (and Ferry never goes below 1.005). Lower the minimum only if you accept the liquidation risk.
            </Alert>
          ) : null}
          {view.batchOpen ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={inBatch} onChange={(event) => setInBatch(event.target.checked)} />
              Move it in the same transaction as the Uniswap positions below
            </label>
          ) : null}
          {plan && leg && !(inBatch && view.batchOpen) ? (
            <>
              <ApprovalsToggle approvals={context.approvals} onChange={context.onApprovalsChange} />
              <AaveSignAndSend context={context} plan={plan} leg={leg} market={view.market} />
            </>
          ) : null}
        </Card>
      ) : null,
  };
}

/** What V3 says about each moving asset, and both health factors after. */
function PlanSummary({ plan }: { plan: AaveV2ToV3Plan }) {
  return (
    <>
      <ul aria-label="Aave V3 eligibility" className="space-y-1 text-sm">
        {plan.checks.map((check) => (
          <li key={`${check.asset}-${check.reason}`} className={check.ok ? "" : "text-red-700 dark:text-red-300"}>
            {check.ok ? "✓" : "✗"} {check.reason}
          </li>
        ))}
      </ul>
      <p className="text-sm" data-testid="health-factors">
        {healthFactorsAfter(plan.before, plan.after.v2.healthFactor, plan.after.v3.healthFactor)}
      </p>
    </>
  );
}

/** What changes for moving debts at a stable rate, and why signatures ask for a little more than the balances. */
function RateAndBufferNotes({ position, kept }: { position: AaveV2Position; kept: KeptOnV2 }) {
  const stable = position.reserves.filter(
    (reserve) => reserve.stableDebt > 0n && isMoving(kept, "debt", reserve.asset),
  );
  return (
    <>
      {stable.length > 0 ? (
        <Alert tone="info">
          Your {stable.map((reserve) => reserve.symbol).join(" and ")} debt has a stable rate on Aave V2. Aave V3
          reopens it at a variable rate, which follows the market and can rise or fall.
        </Alert>
      ) : null}
      <p className="text-sm text-muted">
        The signatures allow {Number(BALANCE_BUFFER_BPS) / 100}% more than each balance: supplies and debts grow with
        interest every block until the transaction is mined. Ferry moves only what you hold or owe then; the rest of the
        allowance is never used and expires with the signature.
      </p>
    </>
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

/** Each reserve's supply and variable borrow APY on V2 and on V3, from the pools' current rates. */
function RatesTable({ position, v3 }: { position: AaveV2Position; v3: V3ReserveStatus[] }) {
  const apys = (rates: ReserveRates | undefined, side: keyof ReserveRates) =>
    rates ? formatApy(rayToApy(rates[side])) : "not listed";
  return (
    <table className="w-full text-sm">
      <caption className="text-left font-medium">Interest rates: Aave V2 → Aave V3</caption>
      <thead>
        <tr className="text-left text-muted">
          <th scope="col">Asset</th>
          <th scope="col">Supply APY</th>
          <th scope="col">Borrow APY (variable)</th>
        </tr>
      </thead>
      <tbody>
        {position.reserves.map((reserve) => {
          const onV3 = v3.find((status) => status.asset.toLowerCase() === reserve.asset.toLowerCase() && status.exists);
          return (
            <tr key={reserve.asset}>
              <th scope="row" className="text-left font-medium">
                {reserve.symbol}
              </th>
              <td>
                {apys(reserve.rates, "supply")} → {apys(onV3?.rates, "supply")}
              </td>
              <td>
                {apys(reserve.rates, "variableBorrow")} → {apys(onV3?.rates, "variableBorrow")}
              </td>
            </tr>
          );
        })}
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
  context: { owner, migrator, approvals, onMigrated },
  plan,
  leg,
  market,
}: {
  context: RouteContext;
  plan: AaveV2ToV3Plan;
  leg: Leg;
  market: BatchView["market"];
}) {
  const simulation = useMigrationSimulation(
    plan.sendable
      ? { migrator, owner, ...batchSimulation([leg], { signing: !approvals.active }), unwrapWeth: false }
      : undefined,
  );
  const cost = useMigrationCost(owner, simulation, market, leg.valueUsd(undefined));
  return (
    <div className="space-y-3">
      {plan.sendable ? <MigrationCost cost={cost} testId="aave-gas-estimate" /> : null}
      <SignAndMigrate
        owner={owner}
        migrator={migrator}
        legs={[leg]}
        unwrapWeth={false}
        useApprovals={approvals.active}
        labels={AAVE_LABELS}
        disabled={!plan.sendable || cost.blocksSending}
        onDone={onMigrated}
      />
    </div>
  );
}
