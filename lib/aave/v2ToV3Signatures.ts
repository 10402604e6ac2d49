import { type Address, formatUnits, type PublicClient, parseAbi } from "viem";
import { domainMatches, type PermitRequest } from "../signing/permit";

/** Aave V3's credit delegation by signature (DebtTokenBase.delegationWithSig). */
export const delegationTypes = {
  DelegationWithSig: [
    { name: "delegatee", type: "address" },
    { name: "value", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export interface DelegationRequest {
  domain: PermitRequest["domain"];
  message: { delegatee: Address; value: bigint; nonce: bigint; deadline: bigint };
  token: { symbol: string; decimals: number };
  delegateeName: string;
}

export function delegationTypedData({ domain, message }: DelegationRequest) {
  return { domain, types: delegationTypes, primaryType: "DelegationWithSig" as const, message };
}

/** A credit delegation in plain words, from the request that is signed. */
export function describeDelegation(request: DelegationRequest): string[] {
  const { message, token, delegateeName } = request;
  return [
    `Lets ${delegateeName} (${message.delegatee}) open Aave V3 debt in your name`,
    `Up to: ${formatUnits(message.value, token.decimals)} ${token.symbol} (variable rate)`,
    `Debt token: ${request.domain.verifyingContract}`,
    `Valid until: ${new Date(Number(message.deadline) * 1000).toISOString()}`,
  ];
}

const signingTokenAbi = parseAbi([
  "function name() view returns (string)",
  "function DOMAIN_SEPARATOR() view returns (bytes32)",
  // Aave V2 aTokens expose their permit nonces as `_nonces`; V3 debt tokens as `nonces`.
  "function _nonces(address owner) view returns (uint256)",
  "function nonces(address owner) view returns (uint256)",
]);

/** aTokens grow every block between signing and sending: sign a little more than today's balance. */
export const BALANCE_BUFFER_BPS = 100n;
export const withBuffer = (amount: bigint) => amount + (amount * BALANCE_BUFFER_BPS) / 10_000n;

export interface SignedAmount {
  asset: Address;
  /** The token signed for: the V2 aToken of a supply, the V3 variable debt token of a debt. */
  token: Address;
  symbol: string;
  decimals: number;
  amount: bigint;
}

/**
 * The aToken permits (V2) and credit delegations (V3 variable debt tokens) a lending migration needs, for the
 * amounts plus a buffer, read in one multicall, each checked against the token's on-chain domain separator.
 */
export async function buildAaveSignatureRequests(
  client: PublicClient,
  chainId: number,
  owner: Address,
  migrator: Address,
  deadline: bigint,
  { supplies, debts }: { supplies: SignedAmount[]; debts: SignedAmount[] },
): Promise<{ permits: PermitRequest[]; delegations: DelegationRequest[] }> {
  const reads = await client.multicall({
    allowFailure: false,
    contracts: [
      ...supplies.map(({ token }) => [token, "_nonces"] as const),
      ...debts.map(({ token }) => [token, "nonces"] as const),
    ].flatMap(([address, nonceFunction]) => [
      { address, abi: signingTokenAbi, functionName: "name" } as const,
      { address, abi: signingTokenAbi, functionName: "DOMAIN_SEPARATOR" } as const,
      { address, abi: signingTokenAbi, functionName: nonceFunction, args: [owner] } as const,
    ]),
  });
  const signed = (item: SignedAmount, i: number) => {
    const [name, separator, nonce] = reads.slice(3 * i, 3 * i + 3) as [string, `0x${string}`, bigint];
    const domain = { name, version: "1", chainId, verifyingContract: item.token };
    if (!domainMatches(domain, separator)) {
      throw new Error(`${item.symbol}'s signing domain does not match this chain; Ferry will not ask you to sign it.`);
    }
    return { domain, nonce, value: withBuffer(item.amount), token: { symbol: item.symbol, decimals: item.decimals } };
  };
  return {
    permits: supplies.map((item, i) => {
      const { domain, nonce, value, token } = signed(item, i);
      return {
        domain,
        message: { owner, spender: migrator, value, nonce, deadline },
        token,
        spenderName: "Ferry Migrator",
      };
    }),
    delegations: debts.map((item, i) => {
      const { domain, nonce, value, token } = signed(item, supplies.length + i);
      return {
        domain,
        message: { delegatee: migrator, value, nonce, deadline },
        token,
        delegateeName: "Ferry Migrator",
      };
    }),
  };
}
