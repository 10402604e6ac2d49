import { parseAbi } from "viem";

/**
 * The few Uniswap V4 events and views the indexer uses (v4-core 1.0.2, v4-periphery 1.0.3), typed from their
 * signatures: the generated ABIs cover Ferry's contracts and the V2/V3/Aave ones it calls, not V4's.
 */

/** PoolManager: every liquidity change of every position; the V4 PositionManager's carry `salt = bytes32(tokenId)`. */
export const v4PoolManagerAbi = parseAbi([
  "event ModifyLiquidity(bytes32 indexed id, address indexed sender, int24 tickLower, int24 tickUpper, int256 liquidityDelta, bytes32 salt)",
]);

/** PositionManager: the ERC-721 of V4 positions, each position's pool key, range and liquidity, and its one entry point. */
export const v4PositionManagerAbi = parseAbi([
  "event Transfer(address indexed from, address indexed to, uint256 indexed id)",
  "struct PoolKey { address currency0; address currency1; uint24 fee; int24 tickSpacing; address hooks; }",
  "function ownerOf(uint256 id) view returns (address)",
  "function getPoolAndPositionInfo(uint256 tokenId) view returns (PoolKey poolKey, uint256 info)",
  "function getPositionLiquidity(uint256 tokenId) view returns (uint128 liquidity)",
  "function modifyLiquidities(bytes unlockData, uint256 deadline) payable",
  "function approve(address spender, uint256 id)",
  "function transferFrom(address from, address to, uint256 id)",
]);

/** StateView: a pool's current price. */
export const v4StateViewAbi = parseAbi([
  "function getSlot0(bytes32 poolId) view returns (uint160 sqrtPriceX96, int24 tick, uint24 protocolFee, uint24 lpFee)",
]);
