import { addressesFor } from "../../lib/chain/addresses";
import { uniswapV4PositionManagerAbi } from "../../lib/generated/abis";
import type { ChainClient } from "./fixtures";

const { uniswapV4 } = addressesFor(31337);

/** The token id the V4 PositionManager mints next: the one a migration's new position gets. */
export const nextV4TokenId = (chain: ChainClient) =>
  chain.readContract({
    address: uniswapV4.positionManager,
    abi: uniswapV4PositionManagerAbi,
    functionName: "nextTokenId",
  });
