import { describe, expect, it } from "vitest";
import { fullRangeTicks } from "./poolMath";
import { pickRangePreset, rangeFromTicks, rangePresets, resolveRange, typicalMoves } from "./rangePresets";

const custom = (minPrice: string, maxPrice: string) => ({ preset: "custom" as const, minPrice, maxPrice });

const preset = (id: "wide" | "medium" | "narrow") => ({ preset: id, minPrice: "", maxPrice: "" });

describe("rangePresets", () => {
  it("offers ±0.1/0.5/1% for a stable pair and ±10/25/50% for a volatile one", () => {
    expect(rangePresets("stable").map(({ label }) => label)).toEqual(["Full range", "±1%", "±0.5%", "±0.1%", "Custom"]);
    expect(rangePresets("volatile").map(({ label }) => label)).toEqual([
      "Full range",
      "±50%",
      "±25%",
      "±10%",
      "Custom",
    ]);
  });

  it("gives the presets' widths as the pair's typical moves, narrowest first", () => {
    expect(typicalMoves("stable")).toEqual([0.001, 0.005, 0.01]);
    expect(typicalMoves("volatile")).toEqual([0.1, 0.25, 0.5]);
  });
});

describe("resolveRange", () => {
  it("full range is the fee tier's widest", () => {
    expect(resolveRange({ preset: "full", minPrice: "", maxPrice: "" }, 3000, 18, 6, 3000, "volatile")).toEqual({
      ok: true,
      value: { ...fullRangeTicks(3000), inRange: true },
    });
  });

  it("a ±10% preset brackets the price with snapped ticks", () => {
    const range = resolveRange({ preset: "narrow", minPrice: "", maxPrice: "" }, 3000, 18, 6, 3000, "volatile");
    if (!range.ok) throw new Error(range.error);
    expect(Math.abs(range.value.tickLower % 60)).toBe(0);
    // Snapping moves a bound by at most one tick spacing (60 ticks ≈ 0.6%).
    const oneSpacing = 1.0001 ** 60 - 1;
    expect(Math.abs((range.value.priceLower ?? 0) / 2700 - 1)).toBeLessThan(oneSpacing);
    expect(Math.abs((range.value.priceUpper ?? 0) / 3300 - 1)).toBeLessThan(oneSpacing);
    expect(range.value.inRange).toBe(true);
  });

  it("a stable pair's ±0.1% preset brackets the price by 0.1% in the 0.01% tier", () => {
    // DAI (18 decimals) in USDC (6) at 1.0002: ticks of spacing 1 (0.01%), widened outward.
    const range = resolveRange(preset("narrow"), 1.0002, 18, 6, 100, "stable");
    if (!range.ok) throw new Error(range.error);
    expect(range.value.priceLower).toBeLessThanOrEqual(1.0002 * 0.999);
    expect(range.value.priceLower).toBeGreaterThan(1.0002 * 0.999 * 0.9999);
    expect(range.value.priceUpper).toBeGreaterThanOrEqual(1.0002 * 1.001);
    expect(range.value.priceUpper).toBeLessThan(1.0002 * 1.001 * 1.0001);
    expect(range.value.inRange).toBe(true);
  });

  it("widens a preset narrower than the tier's tick spacing to the usable ticks around the price", () => {
    // ±0.1% in the 0.3% tier (spacing 60 ≈ 0.6%) would round to one tick: it becomes one spacing that holds the price.
    const range = resolveRange(preset("narrow"), 1.0002, 18, 6, 3000, "stable");
    if (!range.ok) throw new Error(range.error);
    expect(range.value.tickUpper - range.value.tickLower).toBe(60);
    expect(range.value.inRange).toBe(true);
  });

  it("a custom range above the price is out of range", () => {
    const range = resolveRange(custom("3500", "4000"), 3000, 18, 6, 3000, "volatile");
    expect(range.ok && range.value.inRange).toBe(false);
  });

  it.each([
    [custom("4000", "3500"), "The min price must be below the max price."],
    [custom("3000", "3000"), "The min price must be below the max price."],
    [custom("", "3500"), "Enter a min price."],
    [custom("abc", "3500"), "The min price must be a number, e.g. 2500.5."],
    [custom("3000", "3000.01"), "The range is narrower than one tick of this fee tier: widen it."],
  ])("explains an invalid custom range", (choice, error) => {
    expect(resolveRange(choice, 3000, 18, 6, 3000, "volatile")).toEqual({ ok: false, error });
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

describe("pickRangePreset", () => {
  const full = { preset: "full" as const, minPrice: "", maxPrice: "" };

  it("opens Custom on the widest preset's bounds after full range, so it starts valid", () => {
    const choice = pickRangePreset(full, "custom", 3000, "volatile");
    expect(choice).toEqual({ preset: "custom", minPrice: "1500.00", maxPrice: "4500.00" });
    expect(resolveRange(choice, 3000, 18, 6, 3000, "volatile").ok).toBe(true);
  });

  it("opens Custom on the bounds of the preset picked before", () => {
    expect(pickRangePreset(preset("narrow"), "custom", 1, "stable")).toEqual({
      preset: "custom",
      minPrice: "0.999000",
      maxPrice: "1.00100",
    });
  });

  it("keeps bounds the user typed, and changes only the preset otherwise", () => {
    expect(pickRangePreset({ ...full, minPrice: "2000" }, "custom", 3000, "volatile")).toEqual({
      preset: "custom",
      minPrice: "2000",
      maxPrice: "",
    });
    expect(pickRangePreset(custom("1", "2"), "medium", 3000, "volatile")).toEqual({
      preset: "medium",
      minPrice: "1",
      maxPrice: "2",
    });
  });
});
