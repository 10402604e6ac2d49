import { describe, expect, it } from "vitest";
import { formatApy, rayToApy } from "./apy";

describe("rayToApy", () => {
  it("compounds the yearly ray rate per second, as Aave's interface does", () => {
    // 5% a year compounded each second: e^0.05 − 1.
    expect(rayToApy(5n * 10n ** 25n)).toBeCloseTo(Math.expm1(0.05), 7);
    expect(rayToApy(0n)).toBe(0);
    expect(formatApy(rayToApy(5n * 10n ** 25n))).toBe("5.13%");
  });
});
