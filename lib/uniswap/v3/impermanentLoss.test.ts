import { describe, expect, it } from "vitest";
import { impermanentLoss, lossChartSpan, lossCurve } from "./impermanentLoss";

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

describe("lossChartSpan", () => {
  it("reaches twice the farthest bound of a range, multiplicatively", () => {
    // [2700, 3300] around 3000: the lower bound is the farther (×1/0.9), so the chart spans ×(1/0.9)² either way.
    expect(lossChartSpan(3000, { lower: 2700, upper: 3300 }, 0.5)).toBeCloseTo(1 / 0.81, 12);
    // A range entirely above the price still shows its far bound.
    expect(lossChartSpan(3000, { lower: 3500, upper: 4500 }, 0.5)).toBeCloseTo(2.25, 12);
  });

  it("for full range, reaches twice the widest move typical of the pair", () => {
    expect(lossChartSpan(3000, {}, 0.5)).toBeCloseTo(4, 12);
    expect(lossChartSpan(1, {}, 0.01)).toBeCloseTo(1 / 0.99 ** 2, 12);
  });
});

describe("lossCurve", () => {
  const curve = lossCurve(2000, { lower: 1500, upper: 3000 }, 4, 2);

  it("runs from entry/span to entry·span, log-evenly, with the entry price in the middle", () => {
    expect(curve.map(({ price }) => price)).toEqual([500, 1000, 2000, 4000, 8000].map((p) => expect.closeTo(p, 9)));
  });

  it("plots loss against holding, not position value: zero at entry, negative on both sides", () => {
    expect(curve[2]?.fullRange).toBeCloseTo(0, 12);
    expect(curve[2]?.ranged).toBeCloseTo(0, 12);
    // Doubling the price: 2√2/3 − 1 = −5.72% over full range (a value curve would read +41%).
    expect(curve[3]?.fullRange).toBeCloseTo((2 * Math.SQRT2) / 3 - 1, 12);
    for (const point of [curve[0], curve[1], curve[3], curve[4]]) {
      expect(point?.fullRange).toBeLessThan(0);
      expect(point?.ranged).toBeLessThan(point?.fullRange ?? 0);
    }
  });
});
