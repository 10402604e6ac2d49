import type { Leg, SignatureBook } from "./types";

/** No signatures yet: every leg encodes "no permit", and its approvals must stand in. */
export const NO_SIGNATURES: SignatureBook = new Map();

/** The batch as a simulation runs it before anything is signed: each leg's approvals stand in for its signatures. */
export function batchSimulation(legs: readonly Leg[]) {
  return {
    authorizations: legs.flatMap((leg) => leg.approvals.map(({ call }) => call)),
    positions: legs.map((leg) => leg.encode(NO_SIGNATURES)),
  };
}

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
