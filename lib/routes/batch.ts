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
