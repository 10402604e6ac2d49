import type { AaveV2Position } from "./aavePositions";
import { toMigratingReserve } from "./aavePositions";
import { type EligibilityCheck, eligibility, type V3Eligibility } from "./aaveV3Eligibility";
import { HEALTH_FACTOR, healthFactorAfterMigration } from "./healthFactor";

/**
 * Moving a whole Aave V2 position (every supply and every debt, as the Migrator does) to V3: the checks per
 * asset, both health factors after, and whether Ferry lets it go ahead for the user's minimum health factor.
 */
export function planAaveMigration(position: AaveV2Position, v3: V3Eligibility, minHealthFactor: bigint) {
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
  return {
    checks,
    before: position.account.healthFactor,
    after,
    healthy,
    sendable: healthy && checks.every((check) => check.ok),
    supplies: reserves.filter((r) => r.supplied > 0n),
    debts: reserves.filter((r) => r.stableDebt + r.variableDebt > 0n),
  };
}

export type AaveMigrationPlan = ReturnType<typeof planAaveMigration>;
