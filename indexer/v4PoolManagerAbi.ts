import { parseAbi } from "viem";

/**
 * The Uniswap V4 PoolManager's liquidity event (v4-core 1.0.2): every liquidity change of every position; the V4
 * PositionManager's carry `salt = bytes32(tokenId)`. The generated ABIs have V4's StateView and PositionManager, not
 * the PoolManager.
 */
export const v4PoolManagerAbi = parseAbi([
  "event ModifyLiquidity(bytes32 indexed id, address indexed sender, int24 tickLower, int24 tickUpper, int256 liquidityDelta, bytes32 salt)",
]);
