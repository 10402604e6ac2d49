import { type Address, encodeFunctionData, erc20Abi, erc721Abi, type Hex } from "viem";
import { aaveV3VariableDebtTokenAbi } from "../generated/abis";

/** A transaction that grants the Migrator what a signature would: the fallback for wallets that cannot sign. */
export interface AuthorizationCall {
  to: Address;
  data: Hex;
}

/** `approve(migrator, amount)` on an ERC-20 (LP token or aToken): stands in for an EIP-2612 permit. */
export function approvalCall(token: Address, migrator: Address, amount: bigint): AuthorizationCall {
  return { to: token, data: encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [migrator, amount] }) };
}

/** `approveDelegation(migrator, amount)` on an Aave V3 debt token: stands in for `delegationWithSig`. */
export function delegationCall(debtToken: Address, migrator: Address, amount: bigint): AuthorizationCall {
  return {
    to: debtToken,
    data: encodeFunctionData({
      abi: aaveV3VariableDebtTokenAbi,
      functionName: "approveDelegation",
      args: [migrator, amount],
    }),
  };
}

/**
 * `approve(migrator, tokenId)` on a position manager's ERC-721 (Uniswap V3's, standing in for its NFT permit, or
 * V4's, for a position the migration adds to). One position only, never `setApprovalForAll`: the approval ends when
 * the position moves.
 */
export function positionApprovalCall(positionManager: Address, migrator: Address, tokenId: bigint): AuthorizationCall {
  return {
    to: positionManager,
    data: encodeFunctionData({
      abi: erc721Abi,
      functionName: "approve",
      args: [migrator, tokenId],
    }),
  };
}
