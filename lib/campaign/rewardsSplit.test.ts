import { type Address, getAddress } from "viem";
import { describe, expect, it } from "vitest";
import { cumulativeRewards, splitProRata } from "./rewardsSplit";

const user = (i: number) => getAddress(`0x${(0x1000 + i).toString(16).padStart(40, "0")}`);
const [alice, bob, carol] = [user(1), user(2), user(3)];
const TOKEN: Address = "0x00000000000000000000000000000000000000aA";
const OTHER: Address = "0x00000000000000000000000000000000000000bB";

/** A deterministic generator of 64-bit values, so a failing case can be reproduced. */
function randomBigints(seed: bigint): () => bigint {
  let state = seed;
  return () => {
    state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    return state;
  };
}

describe("splitProRata", () => {
  it("splits a divisible budget exactly in proportion to points", () => {
    const split = splitProRata(
      1_000n,
      new Map([
        [alice, 1n],
        [bob, 3n],
      ]),
    );

    expect(split.shares).toEqual(
      new Map([
        [alice, 250n],
        [bob, 750n],
      ]),
    );
    expect(split.dust).toBe(0n);
  });

  it("rounds every share down and keeps the remainder as dust", () => {
    const split = splitProRata(
      10n,
      new Map([
        [alice, 1n],
        [bob, 1n],
        [carol, 1n],
      ]),
    );

    expect([...split.shares.values()]).toEqual([3n, 3n, 3n]);
    expect(split.dust).toBe(1n);
  });

  it("leaves out users whose share rounds to zero", () => {
    const split = splitProRata(
      5n,
      new Map([
        [alice, 1_000_000n],
        [bob, 1n],
      ]),
    );

    expect(split.shares).toEqual(new Map([[alice, 4n]]));
    expect(split.dust).toBe(1n);
  });

  it("never pays more than the budget and leaves less dust than there are users, for any points", () => {
    const random = randomBigints(14n);
    for (let round = 0; round < 200; round++) {
      const budget = random() * random();
      const users = Number(random() % 50n) + 1;
      const points = new Map<Address, bigint>();
      for (let i = 0; i < users; i++) points.set(user(i), random() % 10n ** BigInt(round % 20));
      const totalPoints = [...points.values()].reduce((sum, value) => sum + value, 0n);

      const { shares, dust } = splitProRata(budget, points);

      const paid = [...shares.values()].reduce((sum, value) => sum + value, 0n);
      expect(paid + dust, `round ${round}: shares and dust add up to the budget`).toBe(budget);
      expect(dust >= 0n, `round ${round}: never more than the budget`).toBe(true);
      if (totalPoints > 0n) expect(dust < BigInt(users), `round ${round}: dust below one unit per user`).toBe(true);
      for (const [who, share] of shares) {
        expect(share, `round ${round}: floor share of ${who}`).toBe((budget * (points.get(who) ?? 0n)) / totalPoints);
      }
    }
  });

  it("pays nothing and keeps the whole budget as dust when nobody earned points", () => {
    expect(splitProRata(1_000n, new Map([[alice, 0n]]))).toEqual({ shares: new Map(), dust: 1_000n });
    expect(splitProRata(1_000n, new Map())).toEqual({ shares: new Map(), dust: 1_000n });
  });

  it("refuses a negative budget or negative points", () => {
    expect(() => splitProRata(-1n, new Map([[alice, 1n]]))).toThrow("an epoch budget cannot be negative (got -1)");
    expect(() => splitProRata(1n, new Map([[alice, -5n]]))).toThrow(`points cannot be negative (${alice} has -5)`);
  });
});

describe("cumulativeRewards", () => {
  it("adds every epoch's shares per user and token", () => {
    const rewards = cumulativeRewards([
      { token: TOKEN, budget: 100n, points: new Map([[alice, 1n]]) },
      {
        token: TOKEN,
        budget: 100n,
        points: new Map([
          [alice, 1n],
          [bob, 1n],
        ]),
      },
      { token: OTHER, budget: 7n, points: new Map([[bob, 2n]]) },
    ]);

    expect(rewards).toEqual([
      { user: alice, token: getAddress(TOKEN), cumulativeAmount: 150n },
      { user: bob, token: getAddress(TOKEN), cumulativeAmount: 50n },
      { user: bob, token: getAddress(OTHER), cumulativeAmount: 7n },
    ]);
  });

  it("pays a repeated epoch's split once per repetition", () => {
    const points = new Map([
      [alice, 1n],
      [bob, 2n],
    ]);
    const repeated = cumulativeRewards([{ token: TOKEN, budget: 100n, points, repeat: 3 }]);
    const oneByOne = cumulativeRewards(Array.from({ length: 3 }, () => ({ token: TOKEN, budget: 100n, points })));
    expect(repeated).toEqual(oneByOne);
    expect(repeated).toEqual([
      { user: alice, token: getAddress(TOKEN), cumulativeAmount: 99n },
      { user: bob, token: getAddress(TOKEN), cumulativeAmount: 198n },
    ]);
  });

  it("counts a user written in different cases as one", () => {
    const rewards = cumulativeRewards([
      { token: TOKEN, budget: 10n, points: new Map([[alice.toLowerCase() as Address, 1n]]) },
      { token: TOKEN.toLowerCase() as Address, budget: 10n, points: new Map([[alice, 1n]]) },
    ]);

    expect(rewards).toEqual([{ user: alice, token: getAddress(TOKEN), cumulativeAmount: 20n }]);
  });
});
