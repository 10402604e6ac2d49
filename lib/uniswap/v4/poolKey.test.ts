import { getAddress, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { addressesFor } from "../../chain/addresses";
import {
  candidatePoolKeys,
  inPoolOrder,
  NATIVE_ETH,
  type PoolKey,
  poolCurrencies,
  poolIdOf,
  sqrtPriceInPoolOrder,
} from "./poolKey";

const world = addressesFor(31337);
const token = (address: string, symbol: string, decimals = 18) => ({ address: getAddress(address), symbol, decimals });
const WETH = token(world.tokens.WETH, "WETH");
const USDC = token(world.tokens.USDC, "USDC", 6);
// A token that sorts below WETH, so that native ETH (the zero address) flips the pair's order.
const LOW = token("0x0000000000000000000000000000000000001000", "LOW");

describe("V4 pool keys", () => {
  it("computes the world's PoolIds as v4-core does (keccak of the abi-encoded key)", () => {
    for (const [name, pool] of Object.entries(world.uniswapV4.pools)) {
      const { id, ...key } = pool;
      expect(poolIdOf(key as PoolKey), name).toBe(id);
    }
  });

  it("keeps WETH, or puts native ETH first, whatever the source's order", () => {
    expect(poolCurrencies(WETH, USDC, WETH.address, false)).toEqual({
      currency0: WETH,
      currency1: USDC,
      flipped: false,
      native: false,
    });
    expect(poolCurrencies(WETH, USDC, WETH.address, true)).toEqual({
      currency0: NATIVE_ETH,
      currency1: USDC,
      flipped: false,
      native: true,
    });
    expect(poolCurrencies(LOW, WETH, WETH.address, true)).toEqual({
      currency0: NATIVE_ETH,
      currency1: LOW,
      flipped: true,
      native: true,
    });
    expect(poolCurrencies(LOW, USDC, WETH.address, true), "no WETH: native is not possible").toMatchObject({
      native: false,
      flipped: false,
    });
  });

  it("offers the pair's hookless pool in each standard tier; the world's ETH/USDC 0.05% is one of them", () => {
    const keys = candidatePoolKeys(poolCurrencies(WETH, USDC, WETH.address, true));
    expect(keys.map(({ fee, tickSpacing }) => [fee, tickSpacing])).toEqual([
      [100, 1],
      [500, 10],
      [3000, 60],
      [10_000, 200],
    ]);
    expect(keys.every((key) => key.hooks === zeroAddress && key.currency0 === zeroAddress)).toBe(true);
    expect(keys.map(poolIdOf)).toContain(world.uniswapV4.pools.ETH_USDC_500.id);
  });

  it("reorders amounts and inverts the price for a flipped pool, as the route initialises it", () => {
    expect(inPoolOrder(true, 1n, 2n)).toEqual([2n, 1n]);
    expect(inPoolOrder(false, 1n, 2n)).toEqual([1n, 2n]);
    const sqrtPrice = 4n << 96n;
    expect(sqrtPriceInPoolOrder(sqrtPrice, false)).toBe(sqrtPrice);
    expect(sqrtPriceInPoolOrder(sqrtPrice, true)).toBe((1n << 96n) / 4n);
  });
});
