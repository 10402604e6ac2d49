import { zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { type PoolKey, poolIdOf } from "./poolKey";
import { deepestPool, fullRangeEquivalent, type V4PoolState } from "./pools";

const key = (fee: number): PoolKey => ({
  currency0: zeroAddress,
  currency1: "0x0000000000000000000000000000000000000001",
  fee,
  tickSpacing: 60,
  hooks: zeroAddress,
});
const pool = (fee: number, sqrtPriceX96: bigint, liquidity: bigint): V4PoolState => ({
  key: key(fee),
  id: poolIdOf(key(fee)),
  sqrtPriceX96,
  tick: 0,
  liquidity,
});

describe("V4 pools", () => {
  it("picks the existing pool with the most in-range liquidity, none when none exists", () => {
    const Q96 = 1n << 96n;
    expect(deepestPool([pool(100, Q96, 5n), pool(500, Q96, 9n), pool(3000, 0n, 0n)])?.key.fee).toBe(500);
    expect(deepestPool([pool(100, 0n, 0n)])).toBeUndefined();
  });

  it("values liquidity as the tokens of a full-range position at the pool's price", () => {
    // Price 4 (sqrt 2): L = 1e18 holds 0.5e18 of currency0 and 2e18 of currency1.
    const deep = pool(500, 2n << 96n, 10n ** 18n);
    expect(fullRangeEquivalent(deep)).toEqual({ amount0: 5n * 10n ** 17n, amount1: 2n * 10n ** 18n });
    expect(fullRangeEquivalent(pool(500, 0n, 0n))).toEqual({ amount0: 0n, amount1: 0n });
  });
});
