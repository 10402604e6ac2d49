import { describe, expect, it } from "vitest";
import { pairKind } from "./pairKind";

describe("pairKind", () => {
  it("calls two USD stablecoins a stable pair, in either order and any case", () => {
    expect(pairKind("DAI", "USDC")).toBe("stable");
    expect(pairKind("usdc", "usdt")).toBe("stable");
  });

  it("calls a pair with any other token volatile", () => {
    expect(pairKind("WETH", "USDC")).toBe("volatile");
    expect(pairKind("DAI", "WETH")).toBe("volatile");
    expect(pairKind("WBTC", "WETH")).toBe("volatile");
  });
});
