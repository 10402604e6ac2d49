import { describe, expect, it } from "vitest";
import { slippageGuardLevel } from "./slippageGuard";

describe("slippageGuardLevel", () => {
  it("accepts usual tolerances, warns above 5%, asks for a confirmation above 20%", () => {
    expect([50, 500, 501, 2_000, 2_001, 5_000].map(slippageGuardLevel)).toEqual([
      "ok",
      "ok",
      "warn",
      "warn",
      "confirm",
      "confirm",
    ]);
  });
});
