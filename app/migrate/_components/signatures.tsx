import type { Hex } from "viem";
import type { useSignTypedData } from "wagmi";
import {
  type DelegationRequest,
  delegationTypedData,
  describeDelegation,
  describePermit,
  type PermitRequest,
  permitTypedData,
} from "@/lib/signing/typedData";

/** One signature the user gives Ferry, an EIP-2612 permit or an Aave V3 credit delegation, and what it is for. */
export type SignatureRequest = { label: string } & (
  | { kind: "permit"; request: PermitRequest }
  | { kind: "delegation"; request: DelegationRequest }
);

export interface Signing {
  deadline: bigint;
  requests: SignatureRequest[];
  signatures: Hex[];
}

export const permitsOf = (requests: PermitRequest[], label: (i: number) => string): SignatureRequest[] =>
  requests.map((request, i) => ({ kind: "permit", request, label: `Permit for ${label(i)}` }));
export const delegationsOf = (requests: DelegationRequest[]): SignatureRequest[] =>
  requests.map((request) => ({ kind: "delegation", request, label: `Credit delegation for ${request.token.symbol}` }));

/**
 * Signs the requests not signed yet, one wallet prompt each, reporting progress after every prompt; a rejection
 * stops there and keeps what was signed.
 */
export async function signRemaining(
  signing: Signing,
  sign: (item: SignatureRequest) => Promise<Hex>,
  onProgress: (signing: Signing) => void,
) {
  const signatures = [...signing.signatures];
  for (const item of signing.requests.slice(signatures.length)) {
    try {
      signatures.push(await sign(item));
    } finally {
      onProgress({ ...signing, signatures: [...signatures] });
    }
  }
}

/** Asks the wallet to sign the typed data built from the same request the list below describes. */
export function signWith(signTypedDataAsync: ReturnType<typeof useSignTypedData>["signTypedDataAsync"]) {
  return (item: SignatureRequest) =>
    item.kind === "permit"
      ? signTypedDataAsync(permitTypedData(item.request))
      : signTypedDataAsync(delegationTypedData(item.request));
}

/** Each signature in plain words, with whether it is signed yet. */
export function SignatureList({ signing }: { signing: Signing }) {
  const now = BigInt(Math.floor(Date.now() / 1000));
  return (
    <div className="space-y-3">
      {signing.requests.map((item, i) => (
        <ul
          key={item.request.domain.verifyingContract}
          aria-label={item.label}
          className="space-y-1 rounded-lg bg-slate-100 p-3 font-mono text-sm break-all dark:bg-slate-800"
        >
          {(item.kind === "permit" ? describePermit(item.request, now) : describeDelegation(item.request)).map(
            (line) => (
              <li key={line}>{line}</li>
            ),
          )}
          <li>{i < signing.signatures.length ? "✓ Signed" : "Not signed yet"}</li>
        </ul>
      ))}
    </div>
  );
}
