import { type Address, domainSeparator, formatUnits, type Hex, type TypedDataDomain } from "viem";

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

export interface PermitMessage {
  owner: Address;
  spender: Address;
  value: bigint;
  nonce: bigint;
  deadline: bigint;
}

/** Everything needed to sign a permit and to describe it to the person signing. */
export interface PermitRequest {
  domain: TypedDataDomain & { chainId: number; verifyingContract: Address };
  message: PermitMessage;
  token: { symbol: string; decimals: number };
  spenderName: string;
}

/** The typed data handed to `signTypedData`: the same object the summary is built from. */
export function permitTypedData({ domain, message }: PermitRequest) {
  return { domain, types: permitTypes, primaryType: "Permit" as const, message };
}

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
      ? `Valid until: ${new Date(Number(message.deadline) * 1000).toISOString()} (${minutesLeft} min)`
      : "Valid until: already expired",
  ];
}

/** The EIP-712 domain of a Uniswap V2 pair's LP token (fixed in UniswapV2ERC20). */
export function uniswapV2PairDomain(pair: Address, chainId: number): PermitRequest["domain"] {
  return { name: "Uniswap V2", version: "1", chainId, verifyingContract: pair };
}

/**
 * Whether the token's on-chain DOMAIN_SEPARATOR is the one the app computed. A mismatch means the signature
 * would be for another chain or contract (or the token is not what it claims): never ask the user to sign it.
 */
export function domainMatches(domain: PermitRequest["domain"], onchainSeparator: Hex): boolean {
  return domainSeparator({ domain }).toLowerCase() === onchainSeparator.toLowerCase();
}
