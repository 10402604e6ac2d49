import type { Address } from "viem";

/**
 * Multicall3 (mds1/multicall) sits at this address on every chain it is deployed on, through a pre-signed deployment;
 * the world places it there too. Batched reads (the indexer's epoch snapshots) aggregate through it.
 */
export const MULTICALL3: Address = "0xcA11bde05977b3631167028862bE2a173976CA11";
