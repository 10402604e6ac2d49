import { describe, expect, it } from "vitest";
import { ticksOfPositionInfo } from "./positions";

/** `PositionInfo` as v4-periphery packs it: poolId (200 bits) | tickUpper (24) | tickLower (24) | subscriber flag (8). */
const packed = (poolId: bigint, tickLower: number, tickUpper: number, subscriber: boolean) =>
  (poolId << 56n) |
  (BigInt.asUintN(24, BigInt(tickUpper)) << 32n) |
  (BigInt.asUintN(24, BigInt(tickLower)) << 8n) |
  (subscriber ? 1n : 0n);

describe("ticksOfPositionInfo", () => {
  it.each([
    [-887_220, 887_220],
    [-200, -100],
    [60, 120],
    [-8_388_608, 8_388_607],
  ])("reads the signed ticks %i and %i whatever the pool id and subscriber flag", (tickLower, tickUpper) => {
    const poolId = (1n << 199n) | 0xabcdefn;
    expect(ticksOfPositionInfo(packed(poolId, tickLower, tickUpper, true))).toEqual({ tickLower, tickUpper });
    expect(ticksOfPositionInfo(packed(0n, tickLower, tickUpper, false))).toEqual({ tickLower, tickUpper });
  });
});
