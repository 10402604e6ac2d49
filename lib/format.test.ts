import { describe, expect, it } from "vitest";
import { formatAmount, formatMoment, formatPrice, formatRounded, formatUsd, formatUtc } from "./format";

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

describe("formatRounded", () => {
  it("keeps two significant digits below one, cents below a thousand, whole units above", () => {
    expect(formatRounded(182_574_185_835_055n, 18)).toBe("0.00018");
    expect(formatRounded(4_999_999_999_999_999_876n, 18)).toBe("5.00");
    expect(formatRounded(10_100_000_000_000_000_000n, 18)).toBe("10.10");
    expect(formatRounded(15_572_367_999_174_653_253_866n, 18)).toBe("15,572");
    expect(formatRounded(0n, 6)).toBe("0");
  });
});

describe("formatMoment", () => {
  const now = 1_700_000_000; // 2023-11-14 22:13:20 UTC

  it("says how far and at what local time, rounding toward now", () => {
    expect(formatMoment(now + 20 * 60 - 1, now, "UTC")).toBe("in 19 minutes, at 22:33");
    expect(formatMoment(now + 20 * 60, now, "Europe/Paris")).toBe("in 20 minutes, at 23:33");
    expect(formatMoment(now + 30, now, "UTC")).toBe("in less than a minute, at 22:13");
    expect(formatMoment(now - 5 * 60, now, "UTC")).toBe("5 minutes ago, at 22:08");
    expect(formatMoment(now + 3 * 3_600, now, "UTC")).toBe("in 3 hours, at 01:13 on 15 Nov");
  });

  it("names the local day when it is not today there", () => {
    // The same two moments fall on one day in Tokyo (07:13 and 08:13 on 15 Nov).
    expect(formatMoment(now + 3_600, now, "Asia/Tokyo")).toBe("in 60 minutes, at 08:13");
    expect(formatMoment(now + 3 * 86_400, now, "Asia/Tokyo")).toBe("in 3 days, at 07:13 on 18 Nov");
  });

  it("gives the exact moment in UTC for a title", () => {
    expect(formatUtc(now)).toBe("2023-11-14 22:13:20 UTC");
  });
});
