import { describe, expect, it } from "vitest";
import { addressesFor } from "../../lib/chain/addresses";
import { fullRange, sortPair, sqrtBigInt, tickAtSqrtPrice, worldSqrtPriceX96 } from "./price-math";

const { tokens } = addressesFor(31337);

describe("price math", () => {
  it("takes exact integer square roots", () => {
    for (const value of [0n, 1n, 2n, 99n, 100n, 2n ** 200n, 2n ** 200n - 1n]) {
      const root = sqrtBigInt(value);
      expect(root * root <= value && (root + 1n) * (root + 1n) > value, String(value)).toBe(true);
    }
  });

  it("prices WETH at 3000 USDC in raw units", () => {
    const pair = sortPair(tokens, "USDC", "WETH");
    const sqrtPriceX96 = worldSqrtPriceX96(pair);
    const priceX192 = sqrtPriceX96 * sqrtPriceX96;
    // Raw token1 per raw token0, turned into USDC units per whole WETH whichever way the pair sorts.
    const usdcPerWeth = pair.symbol0 === "WETH" ? (priceX192 * 10n ** 18n) >> 192n : ((10n ** 18n) << 192n) / priceX192;
    expect(usdcPerWeth).toBeGreaterThanOrEqual(2_999_999_999n);
    expect(usdcPerWeth).toBeLessThanOrEqual(3_000_000_000n);
    // 1.0001^tick = raw price, e.g. 3e-9 with WETH as token0.
    const rawPrice = pair.symbol0 === "WETH" ? 3e-9 : 1 / 3e-9;
    expect(Math.abs(tickAtSqrtPrice(sqrtPriceX96) - Math.log(rawPrice) / Math.log(1.0001))).toBeLessThan(1);
  });

  it("aligns the full range to the tick spacing", () => {
    expect(fullRange(60)).toEqual({ tickLower: -887220, tickUpper: 887220 });
    expect(fullRange(1)).toEqual({ tickLower: -887272, tickUpper: 887272 });
  });
});
