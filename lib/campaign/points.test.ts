import { describe, expect, it } from "vitest";
import {
  afterDecrease,
  afterWithdraw,
  boundedCredit,
  closedEpochsPoints,
  earningRate,
  epochAt,
  epochPoints,
  isExcluded,
  lendingCredit,
  lendingValue,
  ONE_POINT,
  ONE_USD,
  type PointsRule,
  parsePointsRule,
  poolDeviationBps,
  usdValue,
} from "./points";

const DAY = 86_400;
const HOUR = 3_600;
const START = 1_767_225_600;
const rule: PointsRule = {
  startTime: START,
  epochSeconds: HOUR,
  maxPoolDeviationBps: 200,
  outOfRangeEarns: false,
  pointsPerUsdPerDay: 1,
  boostDays: 7,
  boostMultiplierBps: 20_000,
  targetUsd: 1_000_000,
  excluded: ["0xa0Ee7A142d267C1f36714E4a8F75612F20a79720"],
};

describe("epochAt", () => {
  it("counts epochs from the campaign's start, -1 before it", () => {
    expect(epochAt(START - 1, rule)).toBe(-1);
    expect(epochAt(START, rule)).toBe(0);
    expect(epochAt(START + HOUR - 1, rule)).toBe(0);
    expect(epochAt(START + 25 * HOUR, rule)).toBe(25);
  });
});

describe("epochPoints", () => {
  it("pays the daily rate pro rata to the epoch, doubled inside the boost window", () => {
    // 24 hourly epochs of 2,400 USD after the boost: 2,400 points a day.
    expect(epochPoints(2_400n * ONE_USD, 7 * 24, rule)).toBe(100n * ONE_POINT);
    expect(epochPoints(2_400n * ONE_USD, 7 * 24 - 1, rule)).toBe(200n * ONE_POINT);
  });

  it("pays nothing before the campaign, from its end on, or for nothing held", () => {
    expect(epochPoints(2_400n * ONE_USD, -1, rule)).toBe(0n);
    expect(epochPoints(2_400n * ONE_USD, 10, { ...rule, endTime: START + 10 * HOUR })).toBe(0n);
    expect(epochPoints(0n, 10, rule)).toBe(0n);
  });

  it("supports fractional rates exactly", () => {
    expect(epochPoints(240n * ONE_USD, 8 * 24, { ...rule, pointsPerUsdPerDay: 0.25 })).toBe((25n * ONE_POINT) / 10n);
  });
});

describe("earningRate", () => {
  const usd = (dollars: number) => BigInt(dollars) * ONE_USD;
  const points = (whole: number) => BigInt(whole) * ONE_POINT;

  it("before the first snapshot, earns on what was migrated: not 0 right after migrating", () => {
    const fresh = { heldUsd: 0n, state: "earning" as const, migratedUsd: usd(2_400) };
    // $2,400 for one hour at 1 point per USD per day is 100 points, boosted ×2 in the first week.
    expect(earningRate(fresh, 3, rule)).toBe(points(200));
    expect(earningRate(fresh, 7 * 24, rule)).toBe(points(100));
  });

  it("after a snapshot, earns on what it credited, as the snapshot pays the epoch", () => {
    const valued = { heldUsd: usd(1_200), state: "earning" as const, migratedUsd: usd(2_400) };
    expect(earningRate(valued, 3, rule)).toBe(points(100));
    expect(earningRate(valued, 3, rule)).toBe(closedEpochsPoints(valued.heldUsd, 3, 1, rule));
  });

  it("earns nothing while the last snapshot found a reason, or after the campaign", () => {
    expect(earningRate({ heldUsd: 0n, state: "off-market", migratedUsd: usd(2_400) }, 3, rule)).toBe(0n);
    const ended = { ...rule, endTime: START + 10 * HOUR };
    expect(earningRate({ heldUsd: usd(1_200), state: "earning", migratedUsd: usd(2_400) }, 10, ended)).toBe(0n);
  });
});

describe("closedEpochsPoints", () => {
  it("equals the sum of the epochs it closes, across the boost's end, the campaign's end and before its start", () => {
    const usd = 1_234n * ONE_USD;
    const withEnd = { ...rule, endTime: START + 7 * DAY + 5 * HOUR };
    for (const [first, count, r] of [
      [0, 1, rule],
      [7 * 24 - 3, 10, rule],
      [-4, 9, rule],
      [7 * 24 - 2, 12, withEnd],
      [7 * 24 + 10, 3, withEnd],
    ] as const) {
      let sum = 0n;
      for (let epoch = first; epoch < first + count; epoch++) sum += epochPoints(usd, epoch, r);
      expect(closedEpochsPoints(usd, first, count, r), `${first}+${count}`).toBe(sum);
    }
  });

  it("makes a wash (hold, pull out over a boundary, come back) earn no more than holding", () => {
    const usd = 5_000n * ONE_USD;
    const held = closedEpochsPoints(usd, 10, 3, rule);
    const washed =
      closedEpochsPoints(usd, 10, 1, rule) + closedEpochsPoints(0n, 11, 1, rule) + closedEpochsPoints(usd, 12, 1, rule);
    expect(washed).toBeLessThan(held);
  });
});

describe("boundedCredit and lendingCredit", () => {
  it("credit what is held, never more than was migrated, never below zero", () => {
    expect(boundedCredit(80n, 100n)).toBe(80n);
    expect(boundedCredit(150n, 100n)).toBe(100n);
    expect(boundedCredit(-5n, 100n)).toBe(0n);
  });

  it("credit lending as collateral minus debt, capped at the migrated value", () => {
    expect(lendingCredit(30_000n, 30_100n, 0n)).toBe(30_000n);
    // Borrowed 75% against it afterwards: 25% equity left.
    expect(lendingCredit(30_000n, 30_000n, 22_500n)).toBe(7_500n);
    expect(lendingCredit(30_000n, 0n, 0n)).toBe(0n);
  });
});

describe("poolDeviationBps", () => {
  // USDC (6 decimals) / WETH (18): 3,000 USD a WETH means 1e18 / 3e9 WETH units per USDC unit; sqrt in Q96.
  const sqrtAt = (usdPerWeth: number) => BigInt(Math.floor(Math.sqrt(1e18 / (usdPerWeth * 1e6)) * 2 ** 96));
  const usdc = ONE_USD;
  const weth = 3_000n * ONE_USD;

  it("is about 0 for a pool at the oracle's price, and the relative gap otherwise", () => {
    expect(poolDeviationBps(sqrtAt(3_000), 6, 18, usdc, weth)).toBeLessThanOrEqual(1n);
    // WETH at 2,700 in the pool: token1 per token0 is 3,000/2,700 − 1 = 11.1% above the oracle's.
    expect(poolDeviationBps(sqrtAt(2_700), 6, 18, usdc, weth)).toBe(1_111n);
    expect(poolDeviationBps(sqrtAt(6_000), 6, 18, usdc, weth)).toBe(5_000n);
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

  it("fills the epoch, deviation and range defaults of an older config file", () => {
    const { epochSeconds, maxPoolDeviationBps, outOfRangeEarns, ...older } = rule;
    expect(parsePointsRule(older)).toEqual({
      ...older,
      epochSeconds: 3_600,
      maxPoolDeviationBps: 200,
      outOfRangeEarns: false,
    });
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

  it("leaves the credit whole when nothing is withdrawn", () => {
    expect(afterWithdraw(30_000n * ONE_USD, 0n)).toBe(30_000n * ONE_USD);
  });
});
