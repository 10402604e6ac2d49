import { parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import {
  type AccountReserve,
  calculateHealthFactorFromBalances,
  calculateUserAccountData,
  combineAccountData,
  formatHealthFactor,
  HEALTH_FACTOR,
  healthFactorAfterMigration,
  healthFactorLevel,
  healthFactorsAfter,
  MAX_UINT256,
  type MigratingReserve,
  percentMul,
  WAD,
  wadDiv,
} from "./healthFactor";

const usd = (dollars: number) => BigInt(dollars) * 10n ** 8n;
const wad = (value: string) => parseUnits(value, 18);

const weth = (collateral: string): AccountReserve => ({
  collateral: parseUnits(collateral, 18),
  debt: 0n,
  decimals: 18,
  price: usd(3000),
  ltv: 8000n,
  liquidationThreshold: 8250n,
  usedAsCollateral: true,
});
const usdcDebt = (debt: string): AccountReserve => ({
  collateral: 0n,
  debt: parseUnits(debt, 6),
  decimals: 6,
  price: usd(1),
  ltv: 7700n,
  liquidationThreshold: 8000n,
  usedAsCollateral: false,
});

describe("percentMul and wadDiv round half up, as PercentageMath and WadRayMath", () => {
  it("percentMul", () => {
    expect(percentMul(10_000n, 8250n)).toBe(8250n);
    expect(percentMul(1n, 5000n)).toBe(1n);
    expect(percentMul(1n, 4999n)).toBe(0n);
    expect(percentMul(0n, 8250n)).toBe(0n);
  });

  it("wadDiv", () => {
    expect(wadDiv(1n, 3n)).toBe(333_333_333_333_333_333n);
    expect(wadDiv(2n, 3n)).toBe(666_666_666_666_666_667n);
    expect(() => wadDiv(1n, 0n)).toThrow(RangeError);
  });
});

describe("calculateHealthFactorFromBalances", () => {
  it("is collateral × threshold / debt in WAD", () => {
    expect(calculateHealthFactorFromBalances(usd(30_000), usd(10_000), 8250n)).toBe(wad("2.475"));
  });

  it("is type(uint256).max without debt", () => {
    expect(calculateHealthFactorFromBalances(usd(30_000), 0n, 8250n)).toBe(MAX_UINT256);
  });
});

describe("calculateUserAccountData", () => {
  it("values 10 WETH at $3,000 against $10,000 of USDC debt", () => {
    const data = calculateUserAccountData([weth("10"), usdcDebt("10000")]);
    expect(data).toEqual({
      totalCollateral: usd(30_000),
      totalDebt: usd(10_000),
      ltv: 8000n,
      liquidationThreshold: 8250n,
      healthFactor: wad("2.475"),
    });
  });

  it("averages thresholds by collateral value", () => {
    // $30,000 at 82.5 % and $60,000 at 75 % average to 77.5 %; 90,000 × 0.775 / 31,000 = 2.25.
    const wbtc: AccountReserve = {
      ...weth("0"),
      collateral: parseUnits("1", 8),
      decimals: 8,
      price: usd(60_000),
      ltv: 7000n,
      liquidationThreshold: 7500n,
    };
    const data = calculateUserAccountData([weth("10"), wbtc, usdcDebt("31000")]);
    expect(data.liquidationThreshold).toBe(7750n);
    expect(data.ltv).toBe(7333n);
    expect(data.healthFactor).toBe(wad("2.25"));
  });

  it("ignores collateral the user disabled or the market does not accept", () => {
    const disabled = { ...weth("10"), usedAsCollateral: false };
    const notCollateral = { ...weth("10"), liquidationThreshold: 0n };
    for (const reserve of [disabled, notCollateral]) {
      const data = calculateUserAccountData([reserve, usdcDebt("1")]);
      expect(data.totalCollateral).toBe(0n);
      expect(data.healthFactor).toBe(0n);
    }
  });

  it("rounds each reserve's value down before summing", () => {
    // One raw unit of a 6-decimal token priced at 600,000 base units is worth 0.6 → 0; summed first it would be 1.
    const dust = { ...usdcDebt("0.000001"), price: 600_000n };
    expect(calculateUserAccountData([dust, dust]).totalDebt).toBe(0n);
  });

  it("has an infinite health factor for an empty account", () => {
    expect(calculateUserAccountData([]).healthFactor).toBe(MAX_UINT256);
  });
});

describe("combineAccountData", () => {
  it("adds totals and re-averages thresholds by collateral value", () => {
    const wbtc: AccountReserve = {
      ...weth("0"),
      collateral: parseUnits("1", 8),
      decimals: 8,
      price: usd(60_000),
      ltv: 7000n,
      liquidationThreshold: 7500n,
    };
    const whole = calculateUserAccountData([weth("10"), wbtc, usdcDebt("31000")]);
    const parts = combineAccountData(
      calculateUserAccountData([weth("10"), usdcDebt("1000")]),
      calculateUserAccountData([wbtc, usdcDebt("30000")]),
    );
    expect(parts).toEqual(whole);
    expect(parts.healthFactor).toBe(wad("2.25"));
  });
});

describe("healthFactorAfterMigration", () => {
  // ETH at $2,000: on V2 USDC costs 1/2000 ETH = 5e14 wei. V3 lowers WETH's threshold to 80 %.
  const wethReserve = (moved: string): MigratingReserve => ({
    asset: "0x0000000000000000000000000000000000000001",
    decimals: 18,
    v2: {
      collateral: wad("10"),
      debt: 0n,
      price: WAD,
      ltv: 8000n,
      liquidationThreshold: 8250n,
      usedAsCollateral: true,
    },
    v3: { price: usd(2000), ltv: 7500n, liquidationThreshold: 8000n },
    moved: { collateral: wad(moved), debt: 0n },
  });
  const usdcReserve = (moved: string): MigratingReserve => ({
    asset: "0x0000000000000000000000000000000000000002",
    decimals: 6,
    v2: {
      collateral: 0n,
      debt: parseUnits("10000", 6),
      price: 5n * 10n ** 14n,
      ltv: 7700n,
      liquidationThreshold: 8000n,
      usedAsCollateral: false,
    },
    v3: { price: usd(1), ltv: 7700n, liquidationThreshold: 8000n },
    moved: { collateral: 0n, debt: parseUnits(moved, 6) },
  });

  it("moves everything: V2 is left empty, V3 uses V3 thresholds and prices", () => {
    const { v2, v3 } = healthFactorAfterMigration([wethReserve("10"), usdcReserve("10000")]);
    expect(v2.healthFactor).toBe(MAX_UINT256);
    expect(v2.totalCollateral).toBe(0n);
    // $20,000 × 0.80 / $10,000
    expect(v3.healthFactor).toBe(wad("1.6"));
    expect(v3.totalCollateral).toBe(usd(20_000));
  });

  it("moves half: each market keeps its own threshold", () => {
    const { v2, v3 } = healthFactorAfterMigration([wethReserve("5"), usdcReserve("5000")]);
    // V2: 5 ETH × 0.825 / 2.5 ETH; V3: $10,000 × 0.80 / $5,000.
    expect(v2.healthFactor).toBe(wad("1.65"));
    expect(v3.healthFactor).toBe(wad("1.6"));
  });

  it("moving collateral without its debt can leave V2 liquidatable", () => {
    const { v2, v3 } = healthFactorAfterMigration([wethReserve("10"), usdcReserve("0")]);
    expect(v2.healthFactor).toBe(0n);
    expect(v3.healthFactor).toBe(MAX_UINT256);
  });

  it("adds what the user already has on V3", () => {
    // Existing: $10,000 at 70 % and $2,000 of debt. Moved: $20,000 at 80 % and $10,000. (7,000 + 16,000) / 12,000.
    const existing = {
      totalCollateral: usd(10_000),
      totalDebt: usd(2_000),
      ltv: 6000n,
      liquidationThreshold: 7000n,
      healthFactor: wad("3.5"),
    };
    const { v3 } = healthFactorAfterMigration([wethReserve("10"), usdcReserve("10000")], existing);
    expect(v3.totalCollateral).toBe(usd(30_000));
    expect(v3.totalDebt).toBe(usd(12_000));
    expect(v3.liquidationThreshold).toBe(7666n);
    expect(v3.healthFactor).toBe(wadDiv(percentMul(usd(30_000), 7666n), usd(12_000)));
  });

  it("refuses to move more than the position holds", () => {
    expect(() => healthFactorAfterMigration([wethReserve("11")])).toThrow(RangeError);
  });
});

describe("health factor display", () => {
  it("formats two decimals rounded down, ∞ without debt", () => {
    expect(formatHealthFactor(MAX_UINT256)).toBe("∞");
    expect(formatHealthFactor(wad("2.479"))).toBe("2.47");
    expect(formatHealthFactor(wad("1.0049"))).toBe("1.00");
    expect(formatHealthFactor(wad("0.05"))).toBe("0.05");
    expect(formatHealthFactor(wad("12345.6"))).toBe("12345.60");
  });

  it("bands: liquidatable below 1, blocked below 1.005, risky below 1.1", () => {
    expect(healthFactorLevel(wad("0.999"))).toBe("liquidatable");
    expect(healthFactorLevel(HEALTH_FACTOR.liquidation)).toBe("blocked");
    expect(healthFactorLevel(wad("1.004999"))).toBe("blocked");
    expect(healthFactorLevel(wad("1.005"))).toBe("risky");
    expect(healthFactorLevel(wad("1.0999"))).toBe("risky");
    expect(healthFactorLevel(wad("1.1"))).toBe("safe");
    expect(healthFactorLevel(MAX_UINT256)).toBe("safe");
  });
});

describe("healthFactorsAfter", () => {
  const hf = (value: string) => parseUnits(value, 18);

  it("says which account is left without debt instead of ∞", () => {
    expect(healthFactorsAfter(hf("2.47"), MAX_UINT256, hf("2.47"))).toBe(
      "Health factor now: 2.47 · Aave V2 account after: no debt left · Aave V3 account after: 2.47 (liquidation below 1.00)",
    );
    expect(healthFactorsAfter(MAX_UINT256, MAX_UINT256, MAX_UINT256)).toBe(
      "Health factor now: no debt · Aave V2 account after: no debt · Aave V3 account after: no debt (liquidation below 1.00)",
    );
    expect(healthFactorsAfter(hf("1.8"), hf("1.2"), MAX_UINT256)).toContain("Aave V2 account after: 1.20 ·");
  });
});
