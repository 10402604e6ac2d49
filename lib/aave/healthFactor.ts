import type { Address } from "viem";

// Aave's account math, mirrored function by function from GenericLogic, PercentageMath and WadRayMath.
// V2 (prices in ETH wei) and V3.0 (prices in USD, 8 decimals) run the same formulas; only the price unit differs.

export const WAD = 10n ** 18n;
export const PERCENTAGE_FACTOR = 10_000n;
export const MAX_UINT256 = 2n ** 256n - 1n;

/** PercentageMath.percentMul: value × percentage (basis points), rounded half up. */
export function percentMul(value: bigint, percentage: bigint): bigint {
  if (value === 0n || percentage === 0n) return 0n;
  return (value * percentage + PERCENTAGE_FACTOR / 2n) / PERCENTAGE_FACTOR;
}

/** WadRayMath.wadDiv: a / b in WAD, rounded half up. */
export function wadDiv(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError("wadDiv by zero");
  return (a * WAD + b / 2n) / b;
}

/** GenericLogic.calculateHealthFactorFromBalances: type(uint256).max without debt. */
export function calculateHealthFactorFromBalances(
  totalCollateral: bigint,
  totalDebt: bigint,
  liquidationThreshold: bigint,
): bigint {
  if (totalDebt === 0n) return MAX_UINT256;
  return wadDiv(percentMul(totalCollateral, liquidationThreshold), totalDebt);
}

/** One reserve of one account as GenericLogic reads it. */
export interface AccountReserve {
  /** aToken balance, in token units. */
  collateral: bigint;
  /** Stable plus variable debt, in token units. */
  debt: bigint;
  decimals: number;
  /** Oracle price of one whole token in the market's base currency (ETH wei on V2, USD 8 decimals on V3). */
  price: bigint;
  /** Basis points. */
  ltv: bigint;
  /** Basis points; 0 means the reserve cannot be collateral. */
  liquidationThreshold: bigint;
  usedAsCollateral: boolean;
}

/** What the pools' getUserAccountData returns, in the market's base currency; ltv and threshold averaged, in bps. */
export interface UserAccountData {
  totalCollateral: bigint;
  totalDebt: bigint;
  ltv: bigint;
  liquidationThreshold: bigint;
  healthFactor: bigint;
}

/** GenericLogic.calculateUserAccountData: values rounded down per reserve, thresholds averaged by collateral value. */
export function calculateUserAccountData(reserves: readonly AccountReserve[]): UserAccountData {
  let totalCollateral = 0n;
  let totalDebt = 0n;
  let weightedLtv = 0n;
  let weightedThreshold = 0n;
  for (const reserve of reserves) {
    const unit = 10n ** BigInt(reserve.decimals);
    if (reserve.liquidationThreshold !== 0n && reserve.usedAsCollateral) {
      const value = (reserve.price * reserve.collateral) / unit;
      totalCollateral += value;
      weightedLtv += value * reserve.ltv;
      weightedThreshold += value * reserve.liquidationThreshold;
    }
    if (reserve.debt > 0n) totalDebt += (reserve.price * reserve.debt) / unit;
  }
  const ltv = totalCollateral > 0n ? weightedLtv / totalCollateral : 0n;
  const liquidationThreshold = totalCollateral > 0n ? weightedThreshold / totalCollateral : 0n;
  return {
    totalCollateral,
    totalDebt,
    ltv,
    liquidationThreshold,
    healthFactor: calculateHealthFactorFromBalances(totalCollateral, totalDebt, liquidationThreshold),
  };
}

/** Risk terms of one asset on one market. */
export interface MarketTerms {
  price: bigint;
  ltv: bigint;
  liquidationThreshold: bigint;
}

/** A V2 reserve of the user, the V3 terms of the same asset, and how much of it the migration moves. */
export interface MigratingReserve {
  asset: Address;
  decimals: number;
  v2: MarketTerms & { collateral: bigint; debt: bigint; usedAsCollateral: boolean };
  v3: MarketTerms;
  moved: { collateral: bigint; debt: bigint };
}

/**
 * Two accounts' totals as one, thresholds re-averaged by collateral value. Each part's threshold is already an
 * average rounded down, so the result can differ from the protocol's single pass by that rounding (< 1 bp).
 */
export function combineAccountData(a: UserAccountData, b: UserAccountData): UserAccountData {
  const totalCollateral = a.totalCollateral + b.totalCollateral;
  const totalDebt = a.totalDebt + b.totalDebt;
  const average = (x: bigint, y: bigint) =>
    totalCollateral > 0n ? (a.totalCollateral * x + b.totalCollateral * y) / totalCollateral : 0n;
  const liquidationThreshold = average(a.liquidationThreshold, b.liquidationThreshold);
  return {
    totalCollateral,
    totalDebt,
    ltv: average(a.ltv, b.ltv),
    liquidationThreshold,
    healthFactor: calculateHealthFactorFromBalances(totalCollateral, totalDebt, liquidationThreshold),
  };
}

/**
 * The account data on both markets after the move: V2 keeps what is not moved (V2 prices and thresholds);
 * V3 receives the moved amounts, debt as the same amount of the same asset, collateral enabled wherever V3 lets
 * the asset be collateral, all at V3 prices and thresholds, added to what the user already has on V3 (its
 * getUserAccountData, when given). E-mode thresholds are not applied.
 */
export function healthFactorAfterMigration(
  reserves: readonly MigratingReserve[],
  existingV3?: UserAccountData,
): {
  v2: UserAccountData;
  v3: UserAccountData;
} {
  for (const { asset, v2, moved } of reserves) {
    if (moved.collateral > v2.collateral || moved.debt > v2.debt || moved.collateral < 0n || moved.debt < 0n) {
      throw new RangeError(`cannot move more of ${asset} than the V2 position holds`);
    }
  }
  const movedToV3 = calculateUserAccountData(
    reserves.map(({ decimals, v3, moved }) => ({ ...v3, ...moved, decimals, usedAsCollateral: true })),
  );
  return {
    v2: calculateUserAccountData(
      reserves.map(({ decimals, v2, moved }) => ({
        ...v2,
        decimals,
        collateral: v2.collateral - moved.collateral,
        debt: v2.debt - moved.debt,
      })),
    ),
    v3: existingV3 ? combineAccountData(existingV3, movedToV3) : movedToV3,
  };
}

/** Health factor thresholds in WAD: Aave liquidates below 1; Ferry, like Aave's UI, refuses to migrate below 1.005. */
export const HEALTH_FACTOR = {
  liquidation: WAD,
  minimumToMigrate: 1_005n * 10n ** 15n,
  warning: 1_100n * 10n ** 15n,
} as const;

export type HealthFactorLevel = "liquidatable" | "blocked" | "risky" | "safe";

/** Which band a health factor falls in, for colours and for blocking the migrate button. */
export function healthFactorLevel(healthFactor: bigint): HealthFactorLevel {
  if (healthFactor < HEALTH_FACTOR.liquidation) return "liquidatable";
  if (healthFactor < HEALTH_FACTOR.minimumToMigrate) return "blocked";
  if (healthFactor < HEALTH_FACTOR.warning) return "risky";
  return "safe";
}

/** "∞" without debt, otherwise two decimals rounded down, so a position never looks safer than it is. */
export function formatHealthFactor(healthFactor: bigint): string {
  if (healthFactor === MAX_UINT256) return "∞";
  const hundredths = healthFactor / 10n ** 16n;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, "0")}`;
}

/** An account's health factor in words: "no debt" when it owes nothing (∞). */
const healthFactorWords = (healthFactor: bigint) =>
  healthFactor === MAX_UINT256 ? "no debt" : formatHealthFactor(healthFactor);

/**
 * Both accounts' health factors after a lending migration, in words: "Health factor now: 2.47 · Aave V2 account
 * after: no debt left · Aave V3 account after: 2.47 (liquidation below 1.00)".
 */
export function healthFactorsAfter(before: bigint, v2After: bigint, v3After: bigint): string {
  const v2 = v2After === MAX_UINT256 && before !== MAX_UINT256 ? "no debt left" : healthFactorWords(v2After);
  return `Health factor now: ${healthFactorWords(before)} · Aave V2 account after: ${v2} · Aave V3 account after: ${healthFactorWords(v3After)} (liquidation below 1.00)`;
}
