import { getAddress } from "viem";
import { sqrtRatioAtTick } from "../../uniswap/v3/positionAmounts";
import type { V3SourcePosition } from "../../uniswap/v3/sourcePositions";

/** Unit tests' V3 source position, whose fields each test overrides as it needs. */
export const address = (n: number) => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
export const TICK = -200_000;
/** A WETH/USDC-like position in [TICK - 600, TICK + 600) at the price of tick TICK, with fees of 7 and 9. */
export const v3Position = (overrides: Partial<V3SourcePosition> = {}): V3SourcePosition => ({
  positionManager: address(0xa),
  tokenId: 5n,
  pool: address(0xb),
  token0: { address: address(1), symbol: "WETH", decimals: 18 },
  token1: { address: address(2), symbol: "USDC", decimals: 6 },
  fee: 500,
  tickLower: TICK - 600,
  tickUpper: TICK + 600,
  liquidity: 10n ** 18n + 1n,
  sqrtPriceX96: sqrtRatioAtTick(TICK),
  tick: TICK,
  amount0: 0n,
  amount1: 0n,
  fees0: 7n,
  fees1: 9n,
  inRange: true,
  ...overrides,
});
