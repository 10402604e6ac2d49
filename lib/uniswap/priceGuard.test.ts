import { describe, expect, it } from "vitest";
import { priceGuardLevel } from "./priceGuard";

describe("priceGuardLevel", () => {
  it.each([
    [0, "ok"],
    [0.0199, "ok"],
    [0.02, "warn"],
    [0.0499, "warn"],
    [0.05, "confirm"],
    [0.1499, "confirm"],
    [0.15, "block"],
    [3, "block"],
  ] as const)("a %s deviation is %s", (deviation, level) => {
    expect(priceGuardLevel(deviation)).toBe(level);
  });
});
