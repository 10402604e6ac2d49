import { maxUint256 } from "viem";
import type { PermitSignature } from "../migrator/encoding";
import type { Approval, Leg, SignatureBook } from "./types";

/** No signatures yet: every leg encodes "no permit", and its approvals must stand in. */
export const NO_SIGNATURES: SignatureBook = new Map();

/**
 * A signature as long as a real one, with every byte non-zero (the costliest calldata), whose deadline never passes:
 * the token runs its permit up to `ecrecover`, which fails, and the Migrator's try/catch goes on to the approval
 * standing in for it.
 */
export const PLACEHOLDER_SIGNATURE: PermitSignature = {
  value: maxUint256,
  deadline: maxUint256,
  v: 28,
  r: `0x${"ff".repeat(32)}`,
  s: `0x${"ff".repeat(32)}`,
};

/**
 * The batch as a simulation runs it before anything is signed: each leg's approvals stand in for its signatures.
 * A batch the user will sign carries a placeholder for each signature, so that the simulated gas includes the
 * calldata and the permit calls up to their `ecrecover`; `unreachedSignatures` counts the signatures whose writes
 * after it the simulation could not run (see `gasUpperBound`).
 */
export function batchSimulation(legs: readonly Leg[], { signing }: { signing: boolean }) {
  const signed = (leg: Leg) => leg.approvals.filter((approval) => !approval.transactionOnly);
  const placeholders = (leg: Leg): SignatureBook => new Map(signed(leg).map(({ key }) => [key, PLACEHOLDER_SIGNATURE]));
  return {
    authorizations: legs.flatMap((leg) => leg.approvals.map(({ call }) => call)),
    positions: legs.map((leg) => leg.encode(signing ? placeholders(leg) : NO_SIGNATURES)),
    unreachedSignatures: signing ? legs.reduce((count, leg) => count + signed(leg).length, 0) : 0,
  };
}

/**
 * The approvals a signed batch still sends as transactions before migrating, because no signature stands in for them
 * (`Approval.transactionOnly`); a batch by approvals sends every leg's approvals anyway.
 */
export const transactionOnlyApprovals = (legs: readonly Leg[]): Approval[] =>
  legs.flatMap((leg) => leg.approvals.filter((approval) => approval.transactionOnly));

/**
 * What each key authorises, by key: the approval transaction standing in for its signature (token, spender, exact
 * amount). A leg edited after signing changes the entries of its own keys only.
 */
export function authorizationsByKey(legs: readonly Leg[]): Readonly<Record<string, string>> {
  return Object.fromEntries(
    legs.flatMap((leg) => leg.approvals.map(({ key, call }) => [key, `${call.to}:${call.data}`] as const)),
  );
}

/** The signatures that still grant what is asked now: those whose key authorises the same thing as when signed. */
export function signaturesStillValid<Signature>(
  signatures: Readonly<Record<string, Signature>>,
  signedFor: Readonly<Record<string, string>>,
  now: Readonly<Record<string, string>>,
): Record<string, Signature> {
  return Object.fromEntries(
    Object.entries(signatures).filter(([key]) => signedFor[key] !== undefined && signedFor[key] === now[key]),
  );
}
