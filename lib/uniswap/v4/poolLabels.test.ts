import { getAddress, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { NATIVE_ETH, type PoolKey, poolIdOf } from "./poolKey";
import {
  existingPoolTiers,
  heldPositionChoiceLabel,
  heldRangeChoice,
  poolDepthUsd,
  v4PoolChoiceLabel,
} from "./poolLabels";
import type { V4PoolState } from "./pools";
import type { HeldV4Position } from "./positions";

const WETH = getAddress("0x00000000000000000000000000000000000000e7");
const USDC = { address: getAddress("0x00000000000000000000000000000000000000dc"), symbol: "USDC", decimals: 6 };
const currencies = { currency0: NATIVE_ETH, currency1: USDC };
const pool = (fee: number, tickSpacing: number, sqrtPriceX96: bigint, liquidity: bigint): V4PoolState => {
  const key: PoolKey = { currency0: zeroAddress, currency1: USDC.address, fee, tickSpacing, hooks: zeroAddress };
  return { key, id: poolIdOf(key), sqrtPriceX96, tick: 0, liquidity };
};
// ETH at 2,500 USDC: sqrt(2500e6 / 1e18) = 5e-5, as a Q96.
const SQRT_2500 = (5n * 2n ** 96n) / 100_000n;
const prices = new Map([
  [WETH.toLowerCase(), 2_500n * 10n ** 8n],
  [USDC.address.toLowerCase(), 10n ** 8n],
]);

describe("V4 pool labels", () => {
  // L = 1e15 at that price: 20 ETH (1e15 / 5e-5) and 50,000 USDC (1e15 × 5e-5): $100,000.
  const deep = pool(500, 10, SQRT_2500, 10n ** 15n);

  it("values a pool's depth with native ETH at the WETH price", () => {
    expect(poolDepthUsd(deep, currencies, prices, WETH)).toBeCloseTo(100_000, 0);
    expect(poolDepthUsd(deep, currencies, new Map([[USDC.address.toLowerCase(), 10n ** 8n]]), WETH)).toBeUndefined();
  });

  it("names each candidate: its fee and depth, or that it does not exist", () => {
    expect(v4PoolChoiceLabel(deep, currencies, prices, WETH)).toBe("0.05% · $100,000.00 deep");
    expect(v4PoolChoiceLabel(deep, currencies, undefined, WETH)).toBe("0.05% · pool exists");
    expect(v4PoolChoiceLabel(pool(10_000, 200, 0n, 0n), currencies, prices, WETH)).toBe("1% · no pool yet");
  });

  it("lists the existing pools' tiers, deepest first", () => {
    const pools = [pool(100, 1, SQRT_2500, 5n), deep, pool(3000, 60, 0n, 0n)];
    expect(existingPoolTiers(pools)).toEqual(["0.05%", "0.01%"]);
  });
});

describe("held V4 positions as destination choices", () => {
  const held = (tickLower: number, tickUpper: number): HeldV4Position => {
    const { key, id } = pool(500, 10, SQRT_2500, 1n);
    return { positionManager: WETH, tokenId: 12n, key, poolId: id, tickLower, tickUpper, liquidity: 1_234_567n };
  };

  it("names a full-range position by its id, 'full range' and its liquidity", () => {
    // The 0.05% pool's full range: ±887,270, the widest multiple of its spacing 10.
    const full = held(-887_270, 887_270);
    expect(heldRangeChoice(full, currencies)).toEqual({ preset: "full", minPrice: "", maxPrice: "" });
    expect(heldPositionChoiceLabel(full, currencies)).toBe(
      "Add to your position #12 (full range, liquidity 1,234,567)",
    );
  });

  it("names a bounded position by its prices in the pool's unit", () => {
    // Ticks -200,000 and -196,000 are 1.0001^tick × 10^12 (18 − 6 decimals) USDC per ETH: about 2,063 and 3,078.
    const bounded = held(-200_000, -196_000);
    const range = heldRangeChoice(bounded, currencies);
    expect(range.preset).toBe("custom");
    expect(Number(range.minPrice)).toBeCloseTo(2063.22, 2);
    expect(Number(range.maxPrice)).toBeCloseTo(3077.89, 2);
    expect(heldPositionChoiceLabel(bounded, currencies)).toBe(
      `Add to your position #12 (${range.minPrice}–${range.maxPrice} USDC per ETH, liquidity 1,234,567)`,
    );
  });
});
