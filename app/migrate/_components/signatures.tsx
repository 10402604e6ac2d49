import type { Hex } from "viem";
import type { useSignTypedData } from "wagmi";
import { type Approval, type SignatureRequest, typedDataOf } from "@/lib/routes/types";
import { describeNftPermit } from "@/lib/signing/nftPermit";
import { wallClockSeconds } from "@/lib/signing/requests";
import { describeDelegation, describePermit, type PlainLine } from "@/lib/signing/typedData";

/** The batch's signature requests, the deadline they share, and the signatures made so far by request key. */
export interface Signing {
  deadline: bigint;
  requests: SignatureRequest[];
  signatures: Readonly<Record<string, Hex>>;
  /** What each key authorised when the requests were built (`authorizationsByKey`): an edit shows against it. */
  signedFor: Readonly<Record<string, string>>;
}

export const unsigned = (signing: Signing) => signing.requests.filter(({ key }) => !signing.signatures[key]);

/**
 * Signs the requests not signed yet, one wallet prompt each, reporting progress after every prompt; a rejection
 * stops there and keeps what was signed.
 */
export async function signRemaining(
  signing: Signing,
  sign: (item: SignatureRequest) => Promise<Hex>,
  onProgress: (signing: Signing) => void,
) {
  const signatures = { ...signing.signatures };
  for (const item of unsigned(signing)) {
    try {
      signatures[item.key] = await sign(item);
    } finally {
      onProgress({ ...signing, signatures: { ...signatures } });
    }
  }
}

/** Asks the wallet to sign the typed data built from the same request the list below describes. */
export function signWith(signTypedDataAsync: ReturnType<typeof useSignTypedData>["signTypedDataAsync"]) {
  return (item: SignatureRequest) => signTypedDataAsync(typedDataOf(item));
}

/** A request in plain words, from the same object that is signed. */
function describeRequest(item: SignatureRequest, now: bigint): PlainLine[] {
  switch (item.kind) {
    case "permit":
      return describePermit(item.request, now);
    case "delegation":
      return describeDelegation(item.request, now);
    case "nftPermit":
      return describeNftPermit(item.request, now);
  }
}

/** Each signature in plain words, with whether it is signed yet; rounded figures show their exact value on hover. */
export function SignatureList({ signing }: { signing: Signing }) {
  const now = wallClockSeconds();
  return (
    <div className="space-y-3">
      {signing.requests.map((item) => (
        <ul
          key={item.key}
          aria-label={item.label}
          className="space-y-1 rounded-lg bg-slate-100 p-3 font-mono text-sm break-all dark:bg-slate-800"
        >
          {describeRequest(item, now).map(({ text, exact }) => (
            <li key={text} title={exact}>
              {text}
            </li>
          ))}
          <li>{signing.signatures[item.key] ? "✓ Signed" : "Not signed yet"}</li>
        </ul>
      ))}
    </div>
  );
}

/** The approval transactions a signed batch still sends before migrating, each in plain words. */
export function ApprovalTransactionList({ approvals }: { approvals: readonly Approval[] }) {
  return (
    <div className="space-y-3">
      {approvals.flatMap(({ key, transactionOnly }) =>
        transactionOnly ? (
          <ul
            key={key}
            aria-label={transactionOnly.label}
            className="space-y-1 rounded-lg bg-slate-100 p-3 font-mono text-sm break-all dark:bg-slate-800"
          >
            {transactionOnly.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          []
        ),
      )}
    </div>
  );
}
