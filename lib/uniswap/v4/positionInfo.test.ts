import { describe, expect, it } from "vitest";
import { ticksOfPositionInfo } from "./positionInfo";

/** `PositionInfo` as v4-periphery packs it: poolId (200 bits) | tickUpper (24) | tickLower (24) | subscriber flag (8). */
const packed = (poolId: bigint, tickLower: number, tickUpper: number, subscriber: boolean) =>
  (poolId << 56n) |
  (BigInt.asUintN(24, BigInt(tickUpper)) << 32n) |
  (BigInt.asUintN(24, BigInt(tickLower)) << 8n) |
  (subscriber ? 1n : 0n);

/** The world's WETH/USDC pool id, with the subscriber flag set. */
const packedWithSubscriber = (tickLower: number, tickUpper: number) =>
  packed(0xa77fd006c251cf715b6389d8c8eb4460b5363da7f3ab33e7n, tickLower, tickUpper, true);

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

  it("unpacks signed ticks from a V4 PositionInfo, whatever the pool id and subscriber bits", () => {
    expect(ticksOfPositionInfo(packedWithSubscriber(-887_220, 887_220))).toEqual({
      tickLower: -887_220,
      tickUpper: 887_220,
    });
    expect(ticksOfPositionInfo(packedWithSubscriber(-200_010, -199_990))).toEqual({
      tickLower: -200_010,
      tickUpper: -199_990,
    });
    expect(ticksOfPositionInfo(packedWithSubscriber(0, 60))).toEqual({ tickLower: 0, tickUpper: 60 });
  });
});
