/**
 * The ticks packed in v4-periphery's `PositionInfo` (`getPoolAndPositionInfo`'s second value): 8 bits of subscriber
 * flag, then tickLower and tickUpper as signed 24-bit fields, then 200 bits of the PoolId.
 */
export function ticksOfPositionInfo(info: bigint): { tickLower: number; tickUpper: number } {
  return {
    tickLower: Number(BigInt.asIntN(24, info >> 8n)),
    tickUpper: Number(BigInt.asIntN(24, info >> 32n)),
  };
}
