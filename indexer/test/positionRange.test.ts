import { describe, expect, it } from "vitest";
import { positionRange } from "../src/positionRange";

/** A `PositionInfo` packed as v4-periphery's PositionInfoLibrary.initialize does, with the subscriber flag set. */
function packed(tickLower: number, tickUpper: number): bigint {
  const poolIdBits = 0xa77fd006c251cf715b6389d8c8eb4460b5363da7f3ab33e7n << 56n;
  const int24 = (tick: number) => BigInt(tick) & 0xffffffn;
  return poolIdBits | (int24(tickUpper) << 32n) | (int24(tickLower) << 8n) | 1n;
}

describe("positionRange", () => {
  it("unpacks signed ticks from a V4 PositionInfo, whatever the pool id and subscriber bits", () => {
    expect(positionRange(packed(-887_220, 887_220))).toEqual({ tickLower: -887_220, tickUpper: 887_220 });
    expect(positionRange(packed(-200_010, -199_990))).toEqual({ tickLower: -200_010, tickUpper: -199_990 });
    expect(positionRange(packed(0, 60))).toEqual({ tickLower: 0, tickUpper: 60 });
  });
});
