import { describe, expect, it } from "vitest";
import { impermanentLoss, valueCurve } from "./impermanentLoss";

describe("impermanentLoss", () => {
  it("matches 2√k/(1+k) − 1 over full range", () => {
    for (const k of [0.5, 0.9, 1.25, 2, 4]) {
      expect(impermanentLoss(100, 100 * k)).toBeCloseTo((2 * Math.sqrt(k)) / (1 + k) - 1, 12);
    }
  });

  it("is zero when the price does not move", () => {
    expect(impermanentLoss(2000, 2000, { lower: 1500, upper: 3000 })).toBeCloseTo(0, 12);
  });

  it("reproduces the reference figures: ETH 2000 → 2400, full range and [1500, 3000]", () => {
    expect(impermanentLoss(2000, 2400) * 100).toBeCloseTo(-0.414, 3);
    expect(impermanentLoss(2000, 2400, { lower: 1500, upper: 3000 }) * 100).toBeCloseTo(-2.572, 3);
  });

  it("a concentrated range loses more than full range for the same move", () => {
    for (const k of [0.8, 1.2]) {
      expect(impermanentLoss(2000, 2000 * k, { lower: 1500, upper: 3000 })).toBeLessThan(
        impermanentLoss(2000, 2000 * k),
      );
    }
  });
});

describe("valueCurve", () => {
  it("is 1 at entry and, out of range above, stops gaining", () => {
    const curve = valueCurve(2000, { lower: 1500, upper: 3000 }, [1, 1.5, 2, 3]);
    expect(curve[0]?.value).toBeCloseTo(1, 12);
    // Above 3000 the position is all quote: its value no longer changes with the price.
    expect(curve[2]?.value).toBeCloseTo(curve[3]?.value ?? 0, 12);
  });
});
