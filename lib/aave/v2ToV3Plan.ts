import type { Address } from "viem";
import { type AaveV2ToV3Params, aaveV2ToV3Position, NO_PERMIT, type PermitSignature } from "../migrator/encoding";
import { type AuthorizationCall, approvalCall, delegationCall } from "../signing/authorizations";
import { formatHealthFactor, HEALTH_FACTOR, healthFactorAfterMigration } from "./healthFactor";
import type { AaveV2Position, AaveV2Reserve } from "./v2/positions";
import { toMigratingReserve } from "./v2/positions";
import { isMoving, type KeptOnV2 } from "./v2/selection";
import { type SignedAmount, withBuffer } from "./v2ToV3Signatures";
import { type EligibilityCheck, eligibility, type V3Eligibility } from "./v3/eligibility";

const debtOf = (reserve: AaveV2Reserve) => reserve.stableDebt + reserve.variableDebt;

/**
 * Moving the selected supplies and debts of an Aave V2 position to V3 (the Migrator moves each listed one whole):
 * the checks per asset, both health factors after, and whether Ferry lets it go ahead for the user's minimum
 * health factor. `v3DebtTokenOf` gives an asset's Aave V3 variable debt token, on which the user delegates credit.
 */
export function planAaveMigration(
  position: AaveV2Position,
  v3: V3Eligibility,
  minHealthFactor: bigint,
  v3DebtTokenOf: (symbol: string) => Address,
  kept: KeptOnV2,
) {
  const moving = position.reserves.map((reserve) => ({
    reserve,
    collateral: isMoving(kept, "supply", reserve.asset) ? reserve.supplied : 0n,
    debt: isMoving(kept, "debt", reserve.asset) ? debtOf(reserve) : 0n,
  }));
  const checks: EligibilityCheck[] = eligibility(
    v3,
    moving.map(({ reserve, collateral, debt }) => ({ asset: reserve.asset, supply: collateral, borrow: debt })),
  );
  const terms = (asset: string) => v3.reserves.find((status) => status.asset.toLowerCase() === asset.toLowerCase());
  const after = healthFactorAfterMigration(
    moving.map(({ reserve, collateral, debt }) =>
      toMigratingReserve(reserve, terms(reserve.asset) ?? { ltv: 0n, liquidationThreshold: 0n }, { collateral, debt }),
    ),
    v3.userAccount,
  );
  const floor = minHealthFactor > HEALTH_FACTOR.minimumToMigrate ? minHealthFactor : HEALTH_FACTOR.minimumToMigrate;
  const healthy = after.v3.healthFactor >= floor;
  const supplies: SignedAmount[] = moving
    .filter(({ collateral }) => collateral > 0n)
    .map(({ reserve: r }) => ({
      asset: r.asset,
      token: r.tokens.aToken,
      symbol: `a${r.symbol}`,
      decimals: r.decimals,
      amount: r.supplied,
    }));
  // V3 opens the debt as variable whatever its V2 rate: the delegation is on V3's variable debt token.
  const debts: SignedAmount[] = moving
    .filter(({ debt }) => debt > 0n)
    .map(({ reserve: r }) => ({
      asset: r.asset,
      token: v3DebtTokenOf(r.symbol),
      symbol: r.symbol,
      decimals: r.decimals,
      amount: debtOf(r),
    }));
  const problem = selectionProblem({
    nothingSelected: supplies.length === 0 && debts.length === 0,
    v2HealthFactorAfter: after.v2.healthFactor,
    debtWithoutV3Collateral: debts.length > 0 && after.v3.totalCollateral === 0n,
    keptDebts: moving.filter(({ reserve, debt }) => debtOf(reserve) > 0n && debt === 0n).map((m) => m.reserve.symbol),
    movedDebts: debts.map(({ symbol }) => symbol),
  });
  return {
    checks,
    before: position.account.healthFactor,
    after,
    healthy,
    /** Why the selection cannot move, in a sentence; undefined when it can. */
    problem,
    sendable: healthy && problem === undefined && checks.every((check) => check.ok),
    minHealthFactor,
    supplies,
    debts,
    /** USD (8 decimals) of the supplies and debts that move: both legs are carried by the transaction. */
    movedUsd: moving.reduce(
      (sum, { reserve, collateral, debt }) =>
        sum + (collateral > 0n ? reserve.suppliedUsd : 0n) + (debt > 0n ? reserve.debtUsd : 0n),
      0n,
    ),
  };
}

export type AaveMigrationPlan = ReturnType<typeof planAaveMigration>;

/**
 * What makes a selection impossible, first match wins: nothing to move; debt left on V2 with too little collateral
 * (the V2 pool refuses to let collateral go below health factor 1); debt moved to V3 with no collateral there.
 */
function selectionProblem(selection: {
  nothingSelected: boolean;
  v2HealthFactorAfter: bigint;
  debtWithoutV3Collateral: boolean;
  keptDebts: string[];
  movedDebts: string[];
}): string | undefined {
  if (selection.nothingSelected) return "Select at least one supply or debt to move.";
  if (selection.v2HealthFactorAfter < HEALTH_FACTOR.liquidation) {
    return `Your ${selection.keptDebts.join(" and ")} debt would stay on Aave V2 with too little collateral (health factor ${formatHealthFactor(selection.v2HealthFactorAfter)}), and Aave V2 refuses that. Move the debt too, or leave more supply on Aave V2.`;
  }
  if (selection.debtWithoutV3Collateral) {
    return `Your ${selection.movedDebts.join(" and ")} debt would arrive on Aave V3 with no collateral there. Move a supply with it.`;
  }
  return undefined;
}

/**
 * The route's parameters, with one signature per supply then per debt, in the plan's order; without signatures
 * (approvals sent instead, or a simulation), "no permit".
 */
export function aaveMigrationParams(plan: AaveMigrationPlan, signatures: PermitSignature[]): AaveV2ToV3Params {
  return {
    collateral: plan.supplies.map(({ asset }, i) => ({ asset, permit: signatures[i] ?? NO_PERMIT })),
    debt: plan.debts.map(({ asset }, i) => ({
      asset,
      delegation: signatures[plan.supplies.length + i] ?? NO_PERMIT,
    })),
    minHealthFactor: plan.minHealthFactor,
    // What stays on V2 gets the same floor as what arrives on V3.
    minSourceHealthFactor: plan.minHealthFactor,
  };
}

/** The approvals and delegations that stand in for the plan's signatures (simulation, smart-contract wallets). */
export function aaveAuthorizationCalls(plan: AaveMigrationPlan, migrator: Address): AuthorizationCall[] {
  return [
    ...plan.supplies.map(({ token, amount }) => approvalCall(token, migrator, withBuffer(amount))),
    ...plan.debts.map(({ token, amount }) => delegationCall(token, migrator, withBuffer(amount))),
  ];
}

/** The Aave position as a simulation runs it before anything is signed: approvals stand in for the signatures. */
export function aaveSimulation(plan: AaveMigrationPlan, migrator: Address) {
  return {
    authorizations: aaveAuthorizationCalls(plan, migrator),
    positions: [aaveV2ToV3Position(aaveMigrationParams(plan, []))],
  };
}
