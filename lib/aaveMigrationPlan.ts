import type { Address } from "viem";
import type { AaveV2Position } from "./aavePositions";
import { toMigratingReserve } from "./aavePositions";
import { type SignedAmount, withBuffer } from "./aaveSignatures";
import { type EligibilityCheck, eligibility, type V3Eligibility } from "./aaveV3Eligibility";
import { type AuthorizationCall, approvalCall, delegationCall } from "./authorizations";
import { HEALTH_FACTOR, healthFactorAfterMigration } from "./healthFactor";
import type { AaveV2ToV3Params, PermitSignature } from "./migration";

/**
 * Moving a whole Aave V2 position (every supply and every debt, as the Migrator does) to V3: the checks per
 * asset, both health factors after, and whether Ferry lets it go ahead for the user's minimum health factor.
 * `v3DebtTokenOf` gives an asset's Aave V3 variable debt token, on which the user delegates credit.
 */
export function planAaveMigration(
  position: AaveV2Position,
  v3: V3Eligibility,
  minHealthFactor: bigint,
  v3DebtTokenOf: (symbol: string) => Address,
) {
  const { reserves } = position;
  const checks: EligibilityCheck[] = eligibility(
    v3,
    reserves.map((r) => ({ asset: r.asset, supply: r.supplied, borrow: r.stableDebt + r.variableDebt })),
  );
  const terms = (asset: string) => v3.reserves.find((status) => status.asset.toLowerCase() === asset.toLowerCase());
  const after = healthFactorAfterMigration(
    reserves.map((reserve) =>
      toMigratingReserve(reserve, terms(reserve.asset) ?? { ltv: 0n, liquidationThreshold: 0n }, {
        collateral: reserve.supplied,
        debt: reserve.stableDebt + reserve.variableDebt,
      }),
    ),
    v3.userAccount,
  );
  const floor = minHealthFactor > HEALTH_FACTOR.minimumToMigrate ? minHealthFactor : HEALTH_FACTOR.minimumToMigrate;
  const healthy = after.v3.healthFactor >= floor;
  const supplies: SignedAmount[] = reserves
    .filter((r) => r.supplied > 0n)
    .map((r) => ({
      asset: r.asset,
      token: r.tokens.aToken,
      symbol: `a${r.symbol}`,
      decimals: r.decimals,
      amount: r.supplied,
    }));
  // V3 opens the debt as variable whatever its V2 rate: the delegation is on V3's variable debt token.
  const debts: SignedAmount[] = reserves
    .filter((r) => r.stableDebt + r.variableDebt > 0n)
    .map((r) => ({
      asset: r.asset,
      token: v3DebtTokenOf(r.symbol),
      symbol: r.symbol,
      decimals: r.decimals,
      amount: r.stableDebt + r.variableDebt,
    }));
  return {
    checks,
    before: position.account.healthFactor,
    after,
    healthy,
    sendable: healthy && checks.every((check) => check.ok),
    minHealthFactor,
    supplies,
    debts,
  };
}

export type AaveMigrationPlan = ReturnType<typeof planAaveMigration>;

/** The route's parameters, with one signature per supply then per debt, in the plan's order. */
export function aaveMigrationParams(plan: AaveMigrationPlan, signatures: PermitSignature[]): AaveV2ToV3Params {
  return {
    collateral: plan.supplies.map(({ asset }, i) => ({ asset, permit: signatures[i] as PermitSignature })),
    debt: plan.debts.map(({ asset }, i) => ({
      asset,
      delegation: signatures[plan.supplies.length + i] as PermitSignature,
    })),
    minHealthFactor: plan.minHealthFactor,
  };
}

/** The approvals and delegations that stand in for the plan's signatures (simulation, smart-contract wallets). */
export function aaveAuthorizationCalls(plan: AaveMigrationPlan, migrator: Address): AuthorizationCall[] {
  return [
    ...plan.supplies.map(({ token, amount }) => approvalCall(token, migrator, withBuffer(amount))),
    ...plan.debts.map(({ token, amount }) => delegationCall(token, migrator, withBuffer(amount))),
  ];
}
