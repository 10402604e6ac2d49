import {
  type Address,
  domainSeparator,
  formatUnits,
  type Hex,
  type TypedDataDefinition,
  type TypedDataDomain,
} from "viem";

/**
 * The two kinds of signature Ferry asks for, as EIP-712 typed data: an EIP-2612 `Permit` (LP tokens, Aave V2
 * aTokens) and Aave V3's credit delegation (`DebtTokenBase.delegationWithSig`). The request a person reads is the
 * object the wallet signs: `describe…` and `…TypedData` take the same request.
 */

/** A token contract's own EIP-712 domain on one chain (version "1" for every token Ferry signs for). */
export type SigningDomain = TypedDataDomain & { chainId: number; verifyingContract: Address };

/** The token a signature is about, for the words shown to the person signing. */
export interface SignedToken {
  symbol: string;
  decimals: number;
}

/** EIP-2612 `Permit` as the token contracts hash it. */
export const permitTypes = {
  Permit: [
    { name: "owner", type: "address" },
    { name: "spender", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

/** Aave V3's credit delegation by signature. */
export const delegationTypes = {
  DelegationWithSig: [
    { name: "delegatee", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export type PermitTypedData = TypedDataDefinition<typeof permitTypes, "Permit">;
export type DelegationTypedData = TypedDataDefinition<typeof delegationTypes, "DelegationWithSig">;
export type PermitMessage = PermitTypedData["message"];
export type DelegationMessage = DelegationTypedData["message"];

/** Everything needed to sign a permit and to describe it to the person signing. */
export interface PermitRequest {
  domain: SigningDomain;
  message: PermitMessage;
  token: SignedToken;
  spenderName: string;
}

/** Everything needed to sign a credit delegation and to describe it. */
export interface DelegationRequest {
  domain: SigningDomain;
  message: DelegationMessage;
  token: SignedToken;
  delegateeName: string;
}

/** The typed data handed to `signTypedData`: the same object the summary is built from. */
export function permitTypedData({ domain, message }: PermitRequest): PermitTypedData & { domain: SigningDomain } {
  return { domain, types: permitTypes, primaryType: "Permit", message };
}

export function delegationTypedData({
  domain,
  message,
}: DelegationRequest): DelegationTypedData & { domain: SigningDomain } {
  return { domain, types: delegationTypes, primaryType: "DelegationWithSig", message };
}

const validUntil = (deadline: bigint) => new Date(Number(deadline) * 1000).toISOString();

/**
 * A permit in plain words. Built from the request that is signed, so what the user reads is what they sign.
 * `now` is in seconds.
 */
export function describePermit(request: PermitRequest, now: bigint): string[] {
  const { message, token, spenderName } = request;
  const minutesLeft = (message.deadline - now) / 60n;
  return [
    `Token: ${token.symbol} (${request.domain.verifyingContract})`,
    `Amount: ${formatUnits(message.value, token.decimals)} ${token.symbol}`,
    `Spender: ${spenderName} (${message.spender})`,
    minutesLeft > 0n
      ? `Valid until: ${validUntil(message.deadline)} (${minutesLeft} min)`
      : "Valid until: already expired",
  ];
}

/** A credit delegation in plain words, from the request that is signed. */
export function describeDelegation(request: DelegationRequest): string[] {
  const { message, token, delegateeName } = request;
  return [
    `Lets ${delegateeName} (${message.delegatee}) open Aave V3 debt in your name`,
    `Up to: ${formatUnits(message.value, token.decimals)} ${token.symbol} (variable rate)`,
    `Debt token: ${request.domain.verifyingContract}`,
    `Valid until: ${validUntil(message.deadline)}`,
  ];
}

/**
 * Whether the token's on-chain DOMAIN_SEPARATOR is the one the app computed. A mismatch means the signature
 * would be for another chain or contract (or the token is not what it claims): never ask the user to sign it.
 */
export function domainMatches(domain: SigningDomain, onchainSeparator: Hex): boolean {
  return domainSeparator({ domain }).toLowerCase() === onchainSeparator.toLowerCase();
}
