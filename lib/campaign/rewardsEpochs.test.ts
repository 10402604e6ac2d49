import { type Address, getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { epochPoints, ONE_USD, type PointsRule } from "./points";
import { snapshotEpochRewards } from "./rewardsEpochs";
import { cumulativeRewards, type EpochRewards } from "./rewardsSplit";

const user = (i: number) => getAddress(`0x${(0x1000 + i).toString(16).padStart(40, "0")}`);
const TOKEN: Address = "0x00000000000000000000000000000000000000aA";
const HOUR = 3_600;
const rule: PointsRule = {
  startTime: 1_000_000,
  endTime: 1_000_000 + 30 * 24 * HOUR,
  epochSeconds: HOUR,
  pointsPerUsdPerDay: 1,
  boostDays: 1,
  boostMultiplierBps: 20_000,
  targetUsd: 1_000_000,
  maxPoolDeviationBps: 200,
  outOfRangeEarns: false,
  excluded: [],
};
const credits = new Map([
  [user(1), 1_234n * ONE_USD],
  [user(2), 777n * ONE_USD + 3n],
  [user(3), 5n],
]);

/** The definition, one epoch at a time: what the grouped version must equal. */
function oneByOne(first: number, count: number, budget: bigint): EpochRewards[] {
  return Array.from({ length: count }, (_, i) => {
    const points = new Map<Address, bigint>();
    for (const [account, usd] of credits) {
      const earned = epochPoints(usd, first + i, rule);
      if (earned > 0n) points.set(account, earned);
    }
    return { token: TOKEN, budget, points };
  }).filter((epoch) => epoch.points.size > 0);
}

describe("snapshotEpochRewards", () => {
  it.each([
    ["inside the boost", 3, 5],
    ["across the boost's end", 20, 10],
    ["across the campaign's end", 30 * 24 - 4, 9],
    ["from before the start", -1, 3],
    ["a long pause: the whole campaign at once", -1, 30 * 24 + 50],
  ])("pays what splitting each epoch on its own pays: %s", (_, first, count) => {
    const budget = 10n ** 21n + 7n;
    const snapshot = { blockNumber: 1n, firstEpoch: first, epochs: count, credits };
    const grouped = snapshotEpochRewards([snapshot], rule, TOKEN, budget);
    expect(cumulativeRewards(grouped)).toEqual(cumulativeRewards(oneByOne(first, count, budget)));
    // Groups, not epochs: at most one per rate (before start, boosted, plain, after end).
    expect(grouped.length).toBeLessThanOrEqual(3);
  });

  it("pays nothing for epochs after the campaign's end", () => {
    const after = 30 * 24 + 1;
    expect(snapshotEpochRewards([{ blockNumber: 1n, firstEpoch: after, epochs: 4, credits }], rule, TOKEN, 1n)).toEqual(
      [],
    );
  });

  it("adds each snapshot's epochs on its own credits", () => {
    const budget = 1_000n;
    const later = new Map([[user(1), 3n * ONE_USD]]);
    const rewards = cumulativeRewards(
      snapshotEpochRewards(
        [
          { blockNumber: 1n, firstEpoch: 30, epochs: 2, credits: new Map([[user(2), ONE_USD]]) },
          { blockNumber: 2n, firstEpoch: 32, epochs: 1, credits: later },
        ],
        rule,
        TOKEN,
        budget,
      ),
    );
    expect(rewards).toEqual([
      { user: user(2), token: getAddress(TOKEN), cumulativeAmount: 2n * budget },
      { user: user(1), token: getAddress(TOKEN), cumulativeAmount: budget },
    ]);
  });
});
