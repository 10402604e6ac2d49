/**
 * The publisher's tree build for 10,000 users: `npx vitest bench --run lib/campaign/rewardsTree.bench.ts`.
 * One epoch's budget split pro rata to points, then the tree with every user's proof.
 */
import { type Address, getAddress } from "viem";
import { bench, describe } from "vitest";
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
