/**
 * The publisher's tree build for 10,000 users: `npx vitest bench --run lib/campaign/rewardsTree.bench.ts`.
 * One epoch's budget split pro rata to points, then the tree with every user's proof; and the publisher's whole
 * computation from a day of hourly snapshots (each user's credit per snapshot → each epoch's split → the tree).
 */
import { type Address, getAddress } from "viem";
import { bench, describe } from "vitest";
import { type PointsRule, RULE_DEFAULTS } from "./points";
import { snapshotEpochRewards } from "./rewardsEpochs";
import { cumulativeRewards } from "./rewardsSplit";
import { buildRewardsTree } from "./rewardsTree";

const USERS = 10_000;
const TOKEN: Address = "0x00000000000000000000000000000000000000aA";
const points = new Map<Address, bigint>(
  Array.from({ length: USERS }, (_, i) => [
    getAddress(`0x${(0x100000 + i).toString(16).padStart(40, "0")}`),
    BigInt(i + 1) * 10n ** 8n,
  ]),
);

describe(`${USERS} users`, () => {
  bench(
    "split the epoch budget and build the tree with every proof",
    () => {
      buildRewardsTree(cumulativeRewards([{ token: TOKEN, budget: 10n ** 24n, points }]));
    },
    { iterations: 5, warmupIterations: 1 },
  );
});

const SNAPSHOTS = 24;
const rule: PointsRule = {
  ...RULE_DEFAULTS,
  startTime: 0,
  pointsPerUsdPerDay: 1,
  boostDays: 14,
  boostMultiplierBps: 20_000,
  targetUsd: 1_000_000,
  excluded: [],
};
const snapshots = Array.from({ length: SNAPSHOTS }, (_, i) => ({
  blockNumber: BigInt(i),
  firstEpoch: i,
  epochs: 1,
  credits: points,
}));

describe(`${USERS} users, ${SNAPSHOTS} hourly snapshots`, () => {
  bench(
    "split every epoch, sum per user and build the tree with every proof",
    () => {
      buildRewardsTree(cumulativeRewards(snapshotEpochRewards(snapshots, rule, TOKEN, 10n ** 20n)));
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
