import { describe, expect, it } from "vitest";
import { fullRangeTicks } from "./poolMath";
import { rangeFromTicks, resolveRange } from "./rangePresets";

const custom = (minPrice: string, maxPrice: string) => ({ preset: "custom" as const, minPrice, maxPrice });

describe("resolveRange", () => {
  it("full range is the fee tier's widest", () => {
    expect(resolveRange({ preset: "full", minPrice: "", maxPrice: "" }, 3000, 18, 6, 3000)).toEqual({
      ok: true,
      value: { ...fullRangeTicks(3000), inRange: true },
    });
  });

  it("a ±10% preset brackets the price with snapped ticks", () => {
    const range = resolveRange({ preset: "narrow", minPrice: "", maxPrice: "" }, 3000, 18, 6, 3000);
    if (!range.ok) throw new Error(range.error);
    expect(Math.abs(range.value.tickLower % 60)).toBe(0);
    // Snapping moves a bound by at most one tick spacing (60 ticks ≈ 0.6%).
    const oneSpacing = 1.0001 ** 60 - 1;
    expect(Math.abs((range.value.priceLower ?? 0) / 2700 - 1)).toBeLessThan(oneSpacing);
    expect(Math.abs((range.value.priceUpper ?? 0) / 3300 - 1)).toBeLessThan(oneSpacing);
    expect(range.value.inRange).toBe(true);
  });

  it("a custom range above the price is out of range", () => {
    const range = resolveRange(custom("3500", "4000"), 3000, 18, 6, 3000);
    expect(range.ok && range.value.inRange).toBe(false);
  });

  it.each([
    [custom("4000", "3500"), "The min price must be below the max price."],
    [custom("3000", "3000"), "The min price must be below the max price."],
    [custom("", "3500"), "Enter a min price."],
    [custom("abc", "3500"), "The min price must be a number, e.g. 2500.5."],
    [custom("3000", "3000.01"), "The range is narrower than one tick of this fee tier: widen it."],
  ])("explains an invalid custom range", (choice, error) => {
    expect(resolveRange(choice, 3000, 18, 6, 3000)).toEqual({ ok: false, error });
  });
});

describe("rangeFromTicks", () => {
  it("reads the fee tier's widest ticks as full range", () => {
    expect(rangeFromTicks(-887220, 887220, 3000, 18, 6, 3000)).toEqual({ ...fullRangeTicks(3000), inRange: true });
  });

  it("gives a held position's bounds as prices and whether the price is inside", () => {
    // WETH (18 decimals) in USDC (6): 3,000 USDC per WETH is tick ≈ −196,256; these ticks are ±1,000 around it.
    const around = rangeFromTicks(-197_260, -195_260, 3000, 18, 6, 500);
    expect(around.priceLower).toBeCloseTo(2713.53, 1);
    expect(around.priceUpper).toBeCloseTo(3314.29, 1);
    expect(around.inRange).toBe(true);
    // Above the range the position holds only WETH, below it only USDC.
    expect(rangeFromTicks(-197_260, -195_260, 3400, 18, 6, 500).inRange).toBe(false);
    expect(rangeFromTicks(-197_260, -195_260, 2700, 18, 6, 500).inRange).toBe(false);
  });
});
