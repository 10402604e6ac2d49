import { describe, expect, it } from "vitest";
import {
  accruedPoints,
  afterDecrease,
  afterWithdraw,
  isExcluded,
  lendingValue,
  ONE_POINT,
  ONE_USD,
  type PointsRule,
  parsePointsRule,
  usdValue,
} from "./points";

const DAY = 86_400;
const START = 1_767_225_600;
const rule: PointsRule = {
  startTime: START,
  pointsPerUsdPerDay: 1,
  boostDays: 7,
  boostMultiplierBps: 20_000,
  targetUsd: 1_000_000,
  excluded: ["0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"],
};

describe("accruedPoints", () => {
  it("pays points per USD per day after the boost window", () => {
    expect(accruedPoints(1_000n * ONE_USD, START + 10 * DAY, START + 12 * DAY, rule)).toBe(2_000n * ONE_POINT);
  });

  it("doubles inside the boost window and splits a span that crosses its end", () => {
    expect(accruedPoints(100n * ONE_USD, START, START + DAY, rule)).toBe(200n * ONE_POINT);
    // 1 boosted day (x2) + 2 plain days
    expect(accruedPoints(100n * ONE_USD, START + 6 * DAY, START + 9 * DAY, rule)).toBe(400n * ONE_POINT);
  });

  it("earns nothing before the campaign, after its end, or for an empty span", () => {
    expect(accruedPoints(100n * ONE_USD, START - 5 * DAY, START, rule)).toBe(0n);
    expect(
      accruedPoints(100n * ONE_USD, START + 30 * DAY, START + 40 * DAY, { ...rule, endTime: START + 20 * DAY }),
    ).toBe(0n);
    expect(accruedPoints(100n * ONE_USD, START + DAY, START + DAY, rule)).toBe(0n);
  });

  it("supports fractional rates exactly", () => {
    expect(accruedPoints(10n * ONE_USD, START + 8 * DAY, START + 9 * DAY, { ...rule, pointsPerUsdPerDay: 0.25 })).toBe(
      (25n * ONE_POINT) / 10n,
    );
  });

  it("gives a wash migration (migrate, pull out, migrate again) no more than holding the first one", () => {
    const usd = 5_000n * ONE_USD;
    const held = accruedPoints(usd, START + DAY, START + 10 * DAY, rule);
    const pulledOutAfterAMinute = accruedPoints(usd, START + DAY, START + DAY + 60, rule);
    const migratedAgain = accruedPoints(usd, START + DAY + 120, START + 10 * DAY, rule);
    expect(pulledOutAfterAMinute + migratedAgain).toBeLessThan(held);
  });
});

describe("afterDecrease", () => {
  it("keeps USD pro rata to the liquidity left", () => {
    expect(afterDecrease({ liquidity: 1_000n, usd: 900n }, 250n)).toEqual({ liquidity: 750n, usd: 675n });
  });

  it("drops to zero when at least the migrated liquidity leaves", () => {
    expect(afterDecrease({ liquidity: 1_000n, usd: 900n }, 1_500n)).toEqual({ liquidity: 0n, usd: 0n });
  });
});

describe("usdValue", () => {
  it("values raw token units at an 8-decimal price", () => {
    expect(usdValue(1_500_000_000_000_000_000n, 18, 3_000n * ONE_USD)).toBe(4_500n * ONE_USD);
    expect(usdValue(2_500_000n, 6, ONE_USD)).toBe((25n * ONE_USD) / 10n);
  });
});

describe("isExcluded", () => {
  it("matches operator addresses whatever their case", () => {
    expect(isExcluded("0xa0ee7a142d267c1f36714e4a8f75612f20a79720", rule)).toBe(true);
    expect(isExcluded("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", rule)).toBe(false);
  });
});

describe("parsePointsRule", () => {
  it("accepts the shipped rule shape", () => {
    expect(parsePointsRule(rule)).toEqual(rule);
  });

  it("names every wrong field", () => {
    expect(() => parsePointsRule({ ...rule, pointsPerUsdPerDay: -1, excluded: ["nope"] })).toThrow(
      "invalid points rule: pointsPerUsdPerDay must be a positive number; excluded must be an array of addresses",
    );
  });
});

describe("lendingValue", () => {
  it("credits collateral minus debt, with both legs recorded", () => {
    expect(lendingValue([30_000n * ONE_USD, 500n * ONE_USD], [10_000n * ONE_USD])).toEqual({
      collateralUsd: 30_500n * ONE_USD,
      debtUsd: 10_000n * ONE_USD,
      usd: 20_500n * ONE_USD,
    });
  });

  it("credits the whole collateral without debt and never goes below zero", () => {
    expect(lendingValue([30_000n * ONE_USD], []).usd).toBe(30_000n * ONE_USD);
    expect(lendingValue([], []).usd).toBe(0n);
    expect(lendingValue([ONE_USD], [2n * ONE_USD]).usd).toBe(0n);
  });
});

describe("afterWithdraw", () => {
  it("reduces the credit by the withdrawn value", () => {
    expect(afterWithdraw(30_000n * ONE_USD, 12_000n * ONE_USD)).toBe(18_000n * ONE_USD);
  });

  it("stops the credit entirely when the withdrawal covers it, interest included", () => {
    expect(afterWithdraw(30_000n * ONE_USD, 30_000n * ONE_USD)).toBe(0n);
    expect(afterWithdraw(30_000n * ONE_USD, 30_001n * ONE_USD)).toBe(0n);
    expect(afterWithdraw(0n, ONE_USD)).toBe(0n);
  });

  it("makes migrate, withdraw, migrate again earn no more than staying", () => {
    const usd = 30_000n * ONE_USD;
    const washed =
      accruedPoints(usd, START, START + DAY, rule) +
      accruedPoints(afterWithdraw(usd, usd), START + DAY, START + 2 * DAY, rule) +
      accruedPoints(usd, START + 2 * DAY, START + 3 * DAY, rule);
    const stayed = accruedPoints(usd, START, START + 3 * DAY, rule);
    expect(washed).toBeLessThan(stayed);
    expect(afterWithdraw(usd, 0n)).toBe(usd);
  });
});
