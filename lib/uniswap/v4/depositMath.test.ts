import { TickMath } from "@uniswap/v3-sdk";
import { describe, expect, it } from "vitest";
import { v4DepositAmounts } from "./depositMath";

const sqrtAt = (tick: number) => BigInt(TickMath.getSqrtRatioAtTick(tick).toString());
const [lower, upper] = [-600, 600];
const [amount0, amount1] = [10n ** 18n, 10n ** 18n];

describe("v4DepositAmounts", () => {
  it("takes only currency0 below the range, only currency1 above it, as the pool charges", () => {
    const below = v4DepositAmounts(sqrtAt(-1200), lower, upper, amount0, amount1);
    expect(below.amount1).toBe(0n);
    expect(below.amount0).toBeLessThanOrEqual(amount0);
    // At most a wei of rounding up left between what was offered and what the liquidity costs.
    expect(amount0 - below.amount0).toBeLessThanOrEqual(1n);
    const above = v4DepositAmounts(sqrtAt(1200), lower, upper, amount0, amount1);
    expect(above.amount0).toBe(0n);
    expect(amount1 - above.amount1).toBeLessThanOrEqual(1n);
  });

  it("is limited by the scarcer currency inside the range, and never takes more than offered", () => {
    const inside = v4DepositAmounts(sqrtAt(0), lower, upper, amount0, amount1 / 2n);
    expect(inside.amount1).toBeLessThanOrEqual(amount1 / 2n);
    expect(amount1 / 2n - inside.amount1).toBeLessThanOrEqual(1n);
    expect(inside.amount0).toBeLessThan(amount0);
    expect(inside.liquidity).toBeGreaterThan(0n);
  });

  it("buys no liquidity with nothing of the currency the range needs", () => {
    expect(v4DepositAmounts(sqrtAt(-1200), lower, upper, 0n, amount1)).toEqual({
      liquidity: 0n,
      amount0: 0n,
      amount1: 0n,
    });
  });
});
