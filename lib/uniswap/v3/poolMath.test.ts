import { describe, expect, it } from "vitest";
import {
  depositPreview,
  fullRangeTicks,
  priceAtTick,
  priceDeviation,
  priceFromSqrtPriceX96,
  sqrtPriceBounds,
  sqrtPriceX96FromReserves,
  tickForPrice,
} from "./poolMath";

const WETH = { address: "0x5FbDB2315678afecb367f032d93F642f64180aa3", decimals: 18 } as const;
const USDC = { address: "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512", decimals: 6 } as const;
// 10 WETH against 30,000 USDC: ETH at 3,000 USDC.
const sqrtPrice3000 = sqrtPriceX96FromReserves(10n * 10n ** 18n, 30_000n * 10n ** 6n);

describe("ticks and prices", () => {
  it("full range is the spacing-aligned extreme tick of each fee tier", () => {
    expect(fullRangeTicks(100)).toEqual({ tickLower: -887272, tickUpper: 887272 });
    expect(fullRangeTicks(500)).toEqual({ tickLower: -887270, tickUpper: 887270 });
    expect(fullRangeTicks(3000)).toEqual({ tickLower: -887220, tickUpper: 887220 });
    expect(fullRangeTicks(10_000)).toEqual({ tickLower: -887200, tickUpper: 887200 });
  });

  it("reads the V2 price back from the sqrtPriceX96 built from reserves", () => {
    expect(priceFromSqrtPriceX96(sqrtPrice3000, 18, 6)).toBeCloseTo(3000, 6);
  });

  it("snaps a price to the nearest usable tick and back within one spacing", () => {
    const tick = tickForPrice(3000, 18, 6, 3000);
    expect(Math.abs(tick % 60), "aligned to the 0.3% tier spacing").toBe(0);
    expect(priceAtTick(tick, 18, 6) / 3000).toBeGreaterThan(1.0001 ** -30);
    expect(priceAtTick(tick, 18, 6) / 3000).toBeLessThan(1.0001 ** 30);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("rejects price %s", (price) => {
    expect(() => tickForPrice(price, 18, 6, 3000)).toThrow(RangeError);
  });

  it("measures the deviation between two prices", () => {
    const moved = sqrtPriceX96FromReserves(10n * 10n ** 18n, 30_600n * 10n ** 6n);
    expect(priceDeviation(sqrtPrice3000, moved)).toBeCloseTo(0.02, 9);
    expect(priceDeviation(sqrtPrice3000, sqrtPrice3000)).toBe(0);
  });

  it("bounds the sqrt price so the price itself may move by the tolerance either way", () => {
    const { min, max } = sqrtPriceBounds(sqrtPrice3000, 200);
    expect(priceFromSqrtPriceX96(min, 18, 6) / 3000).toBeCloseTo(0.98, 6);
    expect(priceFromSqrtPriceX96(max, 18, 6) / 3000).toBeCloseTo(1.02, 6);
  });
});

describe("depositPreview", () => {
  const base = {
    chainId: 31337,
    token0: WETH,
    token1: USDC,
    fee: 3000,
    sqrtPriceX96: sqrtPrice3000,
    ...fullRangeTicks(3000),
    slippageBps: 50,
  } as const;

  it("deposits amounts at the pool's ratio in full range and leaves the excess as refund", () => {
    const preview = depositPreview({ ...base, amount0: 10n ** 18n, amount1: 4_000n * 10n ** 6n });
    expect(preview.amount0).toBeLessThanOrEqual(10n ** 18n);
    expect(preview.amount0).toBeGreaterThan(10n ** 18n - 10n ** 6n);
    // One WETH pairs with ~3,000 USDC; the other ~1,000 USDC is refunded.
    expect(Number(preview.amount1) / 1e6).toBeCloseTo(3000, 0);
    expect(preview.liquidity).toBeGreaterThan(0n);
  });

  it("sets minimums below the expected amounts, and lower for a wider tolerance", () => {
    const tight = depositPreview({ ...base, amount0: 10n ** 18n, amount1: 3_000n * 10n ** 6n });
    const loose = depositPreview({ ...base, amount0: 10n ** 18n, amount1: 3_000n * 10n ** 6n, slippageBps: 500 });
    expect(tight.amount0Min).toBeLessThan(tight.amount0);
    expect(tight.amount1Min).toBeLessThan(tight.amount1);
    expect(loose.amount0Min).toBeLessThan(tight.amount0Min);
    expect(loose.amount1Min).toBeLessThan(tight.amount1Min);
  });

  it("an out-of-range position above the price takes only token0", () => {
    const tick = tickForPrice(3000, 18, 6, 3000);
    // token0 = WETH is priced in USDC: a range entirely above the current tick holds only WETH.
    const preview = depositPreview({
      ...base,
      tickLower: tick + 600,
      tickUpper: tick + 1200,
      amount0: 10n ** 18n,
      amount1: 10n ** 9n,
    });
    expect(preview.amount1).toBe(0n);
    expect(preview.amount0).toBeGreaterThan(0n);
  });
});
