import { describe, expect, it } from "vitest";
import { lpUnderlying, shareOf, spotPrice } from "./liquidity";

describe("lpUnderlying", () => {
  it("redeems the LP's share of each reserve, rounded down", () => {
    expect(lpUnderlying(1n, 3n, 10n, 20n)).toEqual({ amount0: 3n, amount1: 6n });
    expect(lpUnderlying(3n, 3n, 10n, 20n)).toEqual({ amount0: 10n, amount1: 20n });
  });

  it("is zero for an empty pair", () => {
    expect(lpUnderlying(0n, 0n, 0n, 0n)).toEqual({ amount0: 0n, amount1: 0n });
  });
});

describe("shareOf", () => {
  it("takes basis points rounded down", () => {
    expect(shareOf(999n, 5_000)).toBe(499n);
    expect(shareOf(999n, 10_000)).toBe(999n);
  });

  it.each([-1, 10_001, 1.5])("rejects %s bps", (bps) => {
    expect(() => shareOf(1n, bps)).toThrow(RangeError);
  });
});

describe("spotPrice", () => {
  it("is token1 per token0 in whole tokens", () => {
    // 10 WETH (18 decimals) against 30,000 USDC (6 decimals): 3,000 USDC per WETH.
    expect(spotPrice(10n * 10n ** 18n, 30_000n * 10n ** 6n, 18, 6)).toBeCloseTo(3000, 9);
    // 1,000 DAI (18) against 1,001 USDC (6).
    expect(spotPrice(1_000n * 10n ** 18n, 1_001n * 10n ** 6n, 18, 6)).toBeCloseTo(1.001, 12);
  });
});
