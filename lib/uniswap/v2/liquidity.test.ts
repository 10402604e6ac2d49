import { describe, expect, it } from "vitest";
import { lpUnderlying, shareOf } from "./liquidity";

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
