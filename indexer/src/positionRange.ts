/** The range packed in a V4 `PositionInfo` (v4-periphery PositionInfoLibrary: int24 tickLower at bit 8, tickUpper at 32). */
export function positionRange(info: bigint): { tickLower: number; tickUpper: number } {
  const int24 = (offset: bigint) => {
    const raw = Number((info >> offset) & 0xffffffn);
    return raw >= 0x800000 ? raw - 0x1000000 : raw;
  };
  return { tickLower: int24(8n), tickUpper: int24(32n) };
}
