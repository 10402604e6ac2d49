import { parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import { NO_RATES } from "../apy";
import { healthFactorAfterMigration } from "../healthFactor";
import { type AaveV2Reserve, toMigratingReserve, toV2AccountReserve } from "./positions";

const token = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as const;

// 10 WETH supplied and 1 WETH of stable and variable debt each, ETH at $2,000.
const reserve: AaveV2Reserve = {
  asset: token(1),
  symbol: "WETH",
  decimals: 18,
  tokens: { aToken: token(2), stableDebtToken: token(3), variableDebtToken: token(4) },
  supplied: parseUnits("10", 18),
  stableDebt: parseUnits("1", 18),
  variableDebt: parseUnits("1", 18),
  usedAsCollateral: true,
  ltv: 8000n,
  liquidationThreshold: 8250n,
  rates: NO_RATES,
  priceEth: parseUnits("1", 18),
  priceUsd: parseUnits("2000", 8),
  suppliedUsd: parseUnits("20000", 8),
  debtUsd: parseUnits("4000", 8),
};

describe("toV2AccountReserve", () => {
  it("adds stable and variable debt and prices in ETH, as V2's GenericLogic does", () => {
    expect(toV2AccountReserve(reserve)).toEqual({
      collateral: parseUnits("10", 18),
      debt: parseUnits("2", 18),
      decimals: 18,
      price: parseUnits("1", 18),
      ltv: 8000n,
      liquidationThreshold: 8250n,
      usedAsCollateral: true,
    });
  });
});

describe("toMigratingReserve", () => {
  it("takes V3's thresholds and the V3 (USD) price for the moved part", () => {
    const migrating = toMigratingReserve(
      reserve,
      { ltv: 7000n, liquidationThreshold: 7500n },
      { collateral: parseUnits("10", 18), debt: parseUnits("2", 18) },
    );
    expect(migrating.v3).toEqual({ price: parseUnits("2000", 8), ltv: 7000n, liquidationThreshold: 7500n });
    // $20,000 × 0.75 / $4,000 on V3; nothing left on V2.
    const { v2, v3 } = healthFactorAfterMigration([migrating]);
    expect(v3.healthFactor).toBe(parseUnits("3.75", 18));
    expect(v2.totalCollateral).toBe(0n);
  });
});
