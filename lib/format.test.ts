import { describe, expect, it } from "vitest";
import { formatAmount, formatPrice, formatUsd } from "./format";

describe("formatAmount", () => {
  it("groups thousands and trims trailing zeros", () => {
    expect(formatAmount(1_234_567_500_000n, 6)).toBe("1,234,567.5");
    expect(formatAmount(2n * 10n ** 18n, 18)).toBe("2");
  });

  it("cuts the fraction to the requested digits, rounding down", () => {
    expect(formatAmount(123_456_789n, 8, 4)).toBe("1.2345");
    expect(formatAmount(1n, 18)).toBe("0");
  });
});

describe("formatUsd", () => {
  it("shows dollars with grouped thousands and at most two decimals", () => {
    expect(formatUsd(30_000)).toBe("$30,000.00");
    expect(formatUsd(2.6612)).toBe("$2.66");
  });
});

describe("formatPrice", () => {
  it("keeps six significant digits, small or large", () => {
    expect(formatPrice(3000)).toBe("3000.00");
    expect(formatPrice(1 / 3000)).toBe("0.000333333");
    expect(formatPrice(2713.534615)).toBe("2713.53");
  });
});
