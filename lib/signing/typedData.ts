import {
  type Address,
  domainSeparator,
  formatUnits,
  type Hex,
  type TypedDataDefinition,
  type TypedDataDomain,
} from "viem";
import { formatMoment, formatRounded, formatUtc } from "../format";

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

/** An amount of a token, for the words shown to the person signing. */
export interface TokenAmount extends SignedToken {
  amount: bigint;
}

/** One line of a signature in plain words; `exact` is the precise figure behind a rounded one (shown on hover). */
export interface PlainLine {
  text: string;
  exact?: string;
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
  /** What the permitted amount redeems for (an LP token's underlying tokens): words only, never signed. */
  worth?: readonly TokenAmount[];
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

const exactAmount = ({ amount, decimals, symbol }: TokenAmount) => `${formatUnits(amount, decimals)} ${symbol}`;
const roundedAmount = ({ amount, decimals, symbol }: TokenAmount) => `${formatRounded(amount, decimals)} ${symbol}`;

/** An amount rounded for reading, with what it is worth in other tokens ("0.00018 UNI-V2 ≈ 5.00 WETH + 10,000 USDC"). */
function amountLine(label: string, amount: TokenAmount, worth: readonly TokenAmount[] = []): PlainLine {
  const said = (format: (amount: TokenAmount) => string) =>
    [format(amount), ...(worth.length > 0 ? [worth.map(format).join(" + ")] : [])].join(" ≈ ");
  return { text: `${label}: ${said(roundedAmount)}`, exact: said(exactAmount) };
}

/** A deadline relative to `now` at the reader's local clock, the exact UTC moment on hover; or that it has passed. */
export function deadlineLine(deadline: bigint, now: bigint, timeZone?: string): PlainLine {
  if (deadline <= now) return { text: "Valid until: already expired" };
  return {
    text: `Valid until: ${formatMoment(Number(deadline), Number(now), timeZone)}`,
    exact: formatUtc(Number(deadline)),
  };
}

/**
 * A permit in plain words. Built from the request that is signed, so what the user reads is what they sign.
 * `now` is in seconds; `timeZone` (the reader's own by default) is for tests.
 */
export function describePermit(request: PermitRequest, now: bigint, timeZone?: string): PlainLine[] {
  const { message, token, spenderName } = request;
  return [
    { text: `Token: ${token.symbol} (${request.domain.verifyingContract})` },
    amountLine("Amount", { ...token, amount: message.value }, request.worth),
    { text: `Spender: ${spenderName} (${message.spender})` },
    deadlineLine(message.deadline, now, timeZone),
  ];
}

/** A credit delegation in plain words, from the request that is signed. */
export function describeDelegation(request: DelegationRequest, now: bigint, timeZone?: string): PlainLine[] {
  const { message, token, delegateeName } = request;
  const upTo = amountLine("Up to", { ...token, amount: message.value });
  return [
    { text: `Lets ${delegateeName} (${message.delegatee}) open Aave V3 debt in your name` },
    { ...upTo, text: `${upTo.text} (variable rate)` },
    { text: `Debt token: ${request.domain.verifyingContract}` },
    deadlineLine(message.deadline, now, timeZone),
  ];
}

/**
 * Whether the token's on-chain DOMAIN_SEPARATOR is the one the app computed. A mismatch means the signature
 * would be for another chain or contract (or the token is not what it claims): never ask the user to sign it.
 */
export function domainMatches(domain: SigningDomain, onchainSeparator: Hex): boolean {
  return domainSeparator({ domain }).toLowerCase() === onchainSeparator.toLowerCase();
}
