import { parseAbi } from "viem";

/** The Aave V3 oracle's price read: USD with 8 decimals per whole token (`lib/addresses.json` → `aaveV3.oracle`). */
export const aaveOracleAbi = parseAbi(["function getAssetPrice(address asset) view returns (uint256)"]);
