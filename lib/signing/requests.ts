import type { Address, Hex, PublicClient } from "viem";
import { aaveV2ATokenAbi, aaveV3VariableDebtTokenAbi, uniswapV2PairAbi } from "../generated/abis";
import { type DelegationRequest, domainMatches, type PermitRequest, type SignedToken } from "./typedData";

/** Signatures expire quickly: a leaked one is worthless minutes later. */
export const PERMIT_LIFETIME_SECONDS = 20n * 60n;

/**
 * A signature with less than this left is asked again before sending: it could expire while the transaction waits
 * in the pool, and a revert costs gas.
 */
export const RESIGN_WHEN_SECONDS_LEFT = 3n * 60n;

/** The browser's clock, in seconds. */
export const wallClockSeconds = (): bigint => BigInt(Math.floor(Date.now() / 1000));

/**
 * "Now" for a deadline: the later of the chain's latest block and the wall clock. An idle chain's latest block can be
 * far behind the clock (its next block is not), and a chain can run ahead of the clock: a deadline counted from the
 * later of the two is in the future by both.
 */
export const signingNow = (client: PublicClient, wallClock: bigint = wallClockSeconds()): Promise<bigint> =>
  client.getBlock().then((block) => (block.timestamp > wallClock ? block.timestamp : wallClock));

/** A deadline PERMIT_LIFETIME_SECONDS after `signingNow`. */
export const signingDeadline = (client: PublicClient, wallClock?: bigint): Promise<bigint> =>
  signingNow(client, wallClock).then((now) => now + PERMIT_LIFETIME_SECONDS);

/** Whether signatures valid until `deadline` must be asked again before sending (expired, or about to be). */
export const expiresSoon = (deadline: bigint, now: bigint): boolean => deadline - now < RESIGN_WHEN_SECONDS_LEFT;

/** Ferry's name in every signature request: the spender of permits, the delegatee of credit delegations. */
export const MIGRATOR_NAME = "Ferry Migrator";

/** The token contracts Ferry asks signatures for, by how each exposes its EIP-712 name, separator and nonces. */
const SIGNING_CONTRACTS = {
  uniswapV2Pair: { abi: uniswapV2PairAbi, nonces: "nonces" },
  // Aave V2 aTokens expose their permit nonces as `_nonces`.
  aaveV2AToken: { abi: aaveV2ATokenAbi, nonces: "_nonces" },
  aaveV3VariableDebtToken: { abi: aaveV3VariableDebtTokenAbi, nonces: "nonces" },
} as const;

export type SigningContract = keyof typeof SIGNING_CONTRACTS;

/** One signature to ask for: on which token, for how much. */
export interface SignatureGrant {
  contract: SigningContract;
  address: Address;
  token: SignedToken;
  /** Names the token in the refusal when its domain does not match ("aUSDC", "An LP token"). */
  label: string;
  value: bigint;
}

/**
 * Each grant's verified EIP-712 domain and the owner's current nonce, from one multicall: the token's name, its
 * DOMAIN_SEPARATOR and the nonce. Throws for any token whose separator is not the domain computed for this chain and
 * contract: Ferry never asks to sign it.
 */
async function readSigningState(client: PublicClient, chainId: number, owner: Address, grants: SignatureGrant[]) {
  const reads = await client.multicall({
    allowFailure: false,
    contracts: grants.flatMap(({ contract, address }) => {
      const { abi, nonces } = SIGNING_CONTRACTS[contract];
      return [
        { address, abi, functionName: "name" },
        { address, abi, functionName: "DOMAIN_SEPARATOR" },
        { address, abi, functionName: nonces, args: [owner] },
      ] as const;
    }),
  });
  return grants.map(({ address, label }, i) => {
    const [name, separator, nonce] = reads.slice(3 * i, 3 * i + 3) as [string, Hex, bigint];
    const domain = { name, version: "1", chainId, verifyingContract: address };
    if (!domainMatches(domain, separator)) {
      throw new Error(`${label}'s signing domain does not match this chain; Ferry will not ask you to sign it.`);
    }
    return { domain, nonce };
  });
}

/**
 * The EIP-2612 permits and credit delegations that let the Migrator pull `permits` and borrow `delegations` in the
 * owner's name, until `deadline`, read in one multicall and each checked against its token's on-chain domain.
 * `deadline` may be the pending read of it (`signingDeadline`), made alongside the tokens' reads.
 */
export async function buildSignatureRequests(
  client: PublicClient,
  chainId: number,
  owner: Address,
  migrator: Address,
  deadline: bigint | Promise<bigint>,
  { permits, delegations }: { permits: SignatureGrant[]; delegations: SignatureGrant[] },
): Promise<{ permits: PermitRequest[]; delegations: DelegationRequest[] }> {
  const [state, until] = await Promise.all([
    readSigningState(client, chainId, owner, [...permits, ...delegations]),
    deadline,
  ]);
  const stateOf = (i: number) => state[i] as (typeof state)[number];
  return {
    permits: permits.map(({ token, value }, i): PermitRequest => {
      const { domain, nonce } = stateOf(i);
      return {
        domain,
        message: { owner, spender: migrator, value, nonce, deadline: until },
        token,
        spenderName: MIGRATOR_NAME,
      };
    }),
    delegations: delegations.map(({ token, value }, i): DelegationRequest => {
      const { domain, nonce } = stateOf(permits.length + i);
      return {
        domain,
        message: { delegatee: migrator, value, nonce, deadline: until },
        token,
        delegateeName: MIGRATOR_NAME,
      };
    }),
  };
}
