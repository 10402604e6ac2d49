import { getAddress, parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import type { V2Position } from "../../uniswap/v2/positions";
import type { V3FeeTierPool } from "../../uniswap/v2ToV3Plan";
import { deepestFeeTier } from "../../uniswap/v3/pool";
import { existingTiers, feeTierLabel } from "./feeTiers";

const DAI = getAddress("0x00000000000000000000000000000000000000da");
const USDC = getAddress("0x00000000000000000000000000000000000000dc");
const position = {
  token0: { address: DAI, symbol: "DAI", decimals: 18 },
  token1: { address: USDC, symbol: "USDC", decimals: 6 },
} as V2Position;
const tier = (fee: V3FeeTierPool["fee"], liquidity: bigint, dai = 0n, usdc = 0n): V3FeeTierPool => ({
  fee,
  address: DAI,
  sqrtPriceX96: liquidity > 0n ? 2n ** 96n : 0n,
  liquidity,
  balance0: dai,
  balance1: usdc,
});
const ONE_DOLLAR = 10n ** 8n;
const prices = new Map([
  [DAI.toLowerCase(), ONE_DOLLAR],
  [USDC.toLowerCase(), ONE_DOLLAR],
]);

describe("fee tiers", () => {
  const dai = [
    tier(100, 5n, parseUnits("1000000", 18), parseUnits("1000000", 6)),
    tier(500, 2n),
    tier(3000, 0n),
    tier(10_000, 0n),
  ];

  it("defaults to the existing pool with the most in-range liquidity, 0.3% when none exists", () => {
    expect(deepestFeeTier(dai)).toBe(100);
    expect(deepestFeeTier([tier(100, 1n), tier(500, 9n)])).toBe(500);
    expect(deepestFeeTier([tier(100, 0n), tier(3000, 0n)])).toBe(3000);
  });

  it("names each tier's pool and what it holds, or that it does not exist", () => {
    expect(feeTierLabel(dai[0] as V3FeeTierPool, position, prices)).toBe("0.01% · $2,000,000.00 in the pool");
    expect(feeTierLabel(dai[2] as V3FeeTierPool, position, prices)).toBe("0.3% · no pool yet");
    expect(feeTierLabel(dai[0] as V3FeeTierPool, position, undefined)).toBe("0.01% · pool exists");
    expect(existingTiers(dai)).toEqual(["0.01%", "0.05%"]);
  });
});
