import { describe, expect, it } from "vitest";
import { TICK, v3Position } from "./testPosition";
import { planWithdrawal } from "./withdrawal";

describe("planWithdrawal", () => {
  it("removes all the liquidity at 100% and a rounded-down share below it, as the route does", () => {
    expect(planWithdrawal(v3Position(), 10_000, false, 50).liquidity).toBe(10n ** 18n + 1n);
    expect(planWithdrawal(v3Position(), 5_000, false, 50).liquidity).toBe(5n * 10n ** 17n);
  });

  it("sets minimums no higher than what the removal pays at either edge of the slippage band", () => {
    const { principal, minWithdrawn } = planWithdrawal(v3Position(), 10_000, false, 100);
    expect(principal.amount0 > 0n && principal.amount1 > 0n, "in range: both tokens").toBe(true);
    // A 1% band moves both tokens' share of an in-range position: each minimum sits strictly below the amount now.
    expect(minWithdrawn.amount0 < principal.amount0).toBe(true);
    expect(minWithdrawn.amount1 < principal.amount1).toBe(true);
    const tight = planWithdrawal(v3Position(), 10_000, false, 10).minWithdrawn;
    expect(tight.amount0 > minWithdrawn.amount0, "a tighter band asks for more").toBe(true);
  });

  it("keeps the one token of an out-of-range position as its own minimum: the band does not reach the range", () => {
    const below = v3Position({ tickLower: TICK + 1_200, tickUpper: TICK + 2_400 });
    const { principal, minWithdrawn } = planWithdrawal(below, 10_000, false, 50);
    expect(principal.amount1).toBe(0n);
    expect(minWithdrawn).toEqual(principal);
  });

  it("offers the fees to the deposit only when asked, all of them whatever the share", () => {
    const kept = planWithdrawal(v3Position(), 2_500, false, 50);
    expect(kept.offered).toEqual(kept.principal);
    const deposited = planWithdrawal(v3Position(), 2_500, true, 50);
    expect(deposited.offered).toEqual({
      amount0: deposited.principal.amount0 + 7n,
      amount1: deposited.principal.amount1 + 9n,
    });
  });
});
