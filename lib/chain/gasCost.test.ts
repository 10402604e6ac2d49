import { describe, expect, it } from "vitest";
import { gasCost } from "./gasCost";

describe("gasCost", () => {
  const ethAt3000 = 3_000n * 10n ** 8n;

  it("prices gas at the max fee in ETH and USD", () => {
    const cost = gasCost(400_000n, 20n * 10n ** 9n, ethAt3000, 10_000);
    expect(cost.wei).toBe(8n * 10n ** 15n);
    expect(cost.usd).toBeCloseTo(24, 9);
    expect(cost.share).toBeCloseTo(0.0024, 9);
    expect(cost.expensive).toBe(false);
  });

  it("flags gas above 10% of the value moved", () => {
    expect(gasCost(400_000n, 20n * 10n ** 9n, ethAt3000, 200).expensive).toBe(true);
  });
});
