import { Token } from "@uniswap/sdk-core";
import { encodeSqrtRatioX96, nearestUsableTick, Pool, Position, TickMath } from "@uniswap/v3-sdk";
import JSBI from "jsbi";
import { describe, expect, it } from "vitest";
import { positionAmounts, sqrtRatioAtTick } from "./positionAmounts";

const WETH = new Token(1, "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", 18);
const USDC = new Token(1, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48", 6);
const LIQUIDITY = 10n ** 15n;

/** The SDK's Position amounts for the same inputs: the reference this helper must match. */
function sdkAmounts(sqrtPriceX96: bigint, tickLower: number, tickUpper: number) {
  const sqrt = JSBI.BigInt(sqrtPriceX96.toString());
  const pool = new Pool(USDC, WETH, 3000, sqrt, 0, TickMath.getTickAtSqrtRatio(sqrt));
  const position = new Position({ pool, liquidity: LIQUIDITY.toString(), tickLower, tickUpper });
  return {
    amount0: BigInt(position.amount0.quotient.toString()),
    amount1: BigInt(position.amount1.quotient.toString()),
  };
}

describe("positionAmounts", () => {
  // USDC (token0, 6 decimals) / WETH (token1): 1 WETH = 3,000 USDC.
  const sqrtPriceX96 = BigInt(encodeSqrtRatioX96((10n ** 18n).toString(), (3_000n * 10n ** 6n).toString()).toString());
  const tick = TickMath.getTickAtSqrtRatio(JSBI.BigInt(sqrtPriceX96.toString()));
  // The SDK wants ticks on the 0.3% tier's spacing.
  const base = nearestUsableTick(tick, 60);

  it("matches the SDK's Position in range, below and above the range", () => {
    for (const [lower, upper] of [
      [base - 6_000, base + 6_000],
      [base + 120, base + 6_000],
      [base - 6_000, base - 120],
    ] as const) {
      const mine = positionAmounts(sqrtPriceX96, tick, lower, upper, LIQUIDITY);
      expect({ amount0: mine.amount0, amount1: mine.amount1 }).toEqual(sdkAmounts(sqrtPriceX96, lower, upper));
      expect(mine.inRange).toBe(lower <= tick && tick < upper);
    }
  });

  it("computes TickMath's sqrt ratios exactly, from the extreme ticks to 0", () => {
    for (const tick of [-887_272, -500_000, -201_234, -60, -1, 0, 1, 59, 76_012, 300_001, 887_272]) {
      expect(sqrtRatioAtTick(tick), `tick ${tick}`).toBe(BigInt(TickMath.getSqrtRatioAtTick(tick).toString()));
    }
  });

  it("holds only token0 below the range and only token1 above it", () => {
    expect(positionAmounts(sqrtPriceX96, tick, tick + 60, tick + 600, LIQUIDITY).amount1).toBe(0n);
    expect(positionAmounts(sqrtPriceX96, tick, tick - 600, tick - 60, LIQUIDITY).amount0).toBe(0n);
  });
});
