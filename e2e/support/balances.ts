import { type Address, erc20Abi } from "viem";
import type { ChainClient } from "./fixtures";

/** The account's balance of a token: an LP token, an Aave aToken or debt token. */
export const tokenBalance = (chain: ChainClient, token: Address, owner: Address) =>
  chain.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [owner] });
