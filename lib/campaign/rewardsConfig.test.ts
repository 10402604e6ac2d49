import { describe, expect, it } from "vitest";
import { parseRewardsConfig } from "./rewardsConfig";

describe("parseRewardsConfig", () => {
  it("reads the budget, the optional token and the finality depth", () => {
    expect(
      parseRewardsConfig({
        rewards: {
          budgetPerEpoch: "1000000000000000000",
          token: "0x00000000000000000000000000000000000000aa",
          finalityBlocks: 64,
        },
      }),
    ).toEqual({
      budgetPerEpoch: 10n ** 18n,
      token: "0x00000000000000000000000000000000000000AA",
      finalityBlocks: 64,
    });
    expect(parseRewardsConfig({ rewards: { budgetPerEpoch: "5" } })).toEqual({ budgetPerEpoch: 5n, finalityBlocks: 0 });
  });

  it("is undefined for a campaign that only counts points", () => {
    expect(parseRewardsConfig({ epochSeconds: 600 })).toBeUndefined();
  });

  it("says what is wrong", () => {
    expect(() => parseRewardsConfig({ rewards: { budgetPerEpoch: 100 } })).toThrow(
      /rewards.budgetPerEpoch must be a positive integer string/,
    );
    expect(() => parseRewardsConfig({ rewards: { budgetPerEpoch: "0" } })).toThrow(/budgetPerEpoch/);
    expect(() => parseRewardsConfig({ rewards: { budgetPerEpoch: "1", token: "0x12" } })).toThrow(
      /rewards.token must be an address/,
    );
    expect(() => parseRewardsConfig({ rewards: { budgetPerEpoch: "1", finalityBlocks: -1 } })).toThrow(
      /rewards.finalityBlocks must be a non-negative integer/,
    );
  });
});
