"use client";

import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { Address, Hash, PublicClient } from "viem";
import { useChainId, usePublicClient, useSendTransaction, useSignTypedData } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { PendingTransaction } from "@/components/PendingTransaction";
import { describeMigrationFailure, useMigrationSender } from "@/hooks/useMigrationSender";
import { authorizationsByKey, NO_SIGNATURES, signaturesStillValid, transactionOnlyApprovals } from "@/lib/routes/batch";
import { type MigrationEvent, parseMigrationEvents } from "@/lib/routes/events";
import { type Approval, type Leg, type SignatureBook, signatureBook } from "@/lib/routes/types";
import { approvalsToSend } from "@/lib/signing/approvalsInPlace";
import { expiresSoon, signingDeadline, signingNow } from "@/lib/signing/requests";
import { useFlowAlert } from "./FlowAlert";
import { ApprovalTransactionList, SignatureList, type Signing, signRemaining, signWith, unsigned } from "./signatures";

export interface MigrationResult {
  hash: Hash;
  gasUsed: bigint;
  /** What each unit of gas cost: with `gasUsed`, the ETH the transaction paid. */
  effectiveGasPrice: bigint;
  /** The Migrator's per-position events, in the order of the legs. */
  events: MigrationEvent[];
  /** The legs the transaction carried: the receipt describes each event with its leg. */
  legs: Leg[];
}

/** What the buttons say, so that two migrations on one page (the batch, the Aave card) read apart. */
export interface SendLabels {
  review: string;
  sign: string;
  migrate: string;
  approveAndMigrate: string;
}

export const BATCH_LABELS: SendLabels = {
  review: "Review what you sign",
  sign: "Sign",
  migrate: "Migrate in one transaction",
  approveAndMigrate: "Approve and migrate",
};

/**
 * Where the signer is: nothing asked yet; signatures under review (and, once signed, the approvals no signature stands
 * in for being mined); approval transactions being mined (wallets that cannot sign); the migration itself being sent.
 */
type Stage =
  | { step: "ready" }
  | { step: "review"; signing: Signing; approving?: Progress }
  | { step: "approving"; progress: Progress }
  | { step: "sending" };

/** Approval transactions mined so far, of those the batch still needed. */
interface Progress {
  done: number;
  of: number;
}

const RESIGN_NOTICE =
  "Your signatures had expired or were about to, so Ferry did not send them (the transaction would revert). Sign again: the new ones are valid for 20 minutes.";

/** Sign what Ferry may move (permits, or approvals for wallets that cannot sign), then send one transaction. */
export function SignAndMigrate({
  owner,
  migrator,
  legs,
  unwrapWeth,
  useApprovals,
  labels,
  disabled,
  onDone,
}: {
  owner: Address;
  migrator: Address;
  legs: Leg[];
  unwrapWeth: boolean;
  useApprovals: boolean;
  labels: SendLabels;
  disabled: boolean;
  onDone: (result: MigrationResult) => void;
}) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  const { signTypedDataAsync } = useSignTypedData();
  const { sendTransactionAsync } = useSendTransaction();
  const sender = useMigrationSender(owner, migrator);
  const alert = useFlowAlert();
  const [stage, setStage] = useState<Stage>({ step: "ready" });
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const authorizations = authorizationsByKey(legs);

  const run = async (work: () => Promise<void>) => {
    alert.clear();
    setNotice(undefined);
    setBusy(true);
    try {
      await work();
    } catch (caught) {
      alert.raise(describeMigrationFailure(caught));
    } finally {
      setBusy(false);
    }
  };

  /** Every leg's signature requests until `deadline`, in leg order, with what each key authorises. */
  const requestsUntil = async (deadline: bigint) => {
    const context = { client, chainId, owner, migrator, deadline };
    const requests = (await Promise.all(legs.map((leg) => leg.signatureRequests(context)))).flat();
    return { deadline, requests, signedFor: authorizations };
  };
  const reviewFresh = async () =>
    setStage({ step: "review", signing: { ...(await requestsUntil(await signingDeadline(client))), signatures: {} } });

  // Edited under review (a share, a reserve): the requests are built again for the same deadline, and only the
  // signatures of keys that now authorise something else are dropped.
  const signing = stage.step === "review" ? stage.signing : undefined;
  const edited = signing !== undefined && !sameAuthorizations(signing.signedFor, authorizations);
  const current = edited
    ? { ...signing, signatures: signaturesStillValid(signing.signatures, signing.signedFor, authorizations) }
    : signing;
  const rebuild = useEffectEvent(() => {
    if (!signing || busy) return;
    run(async () => {
      const rebuilt = await requestsUntil(signing.deadline);
      const signatures = signaturesStillValid(signing.signatures, signing.signedFor, rebuilt.signedFor);
      setStage((now) => (now.step === "review" ? { step: "review", signing: { ...rebuilt, signatures } } : now));
    });
  });
  // Once per edit: a rebuild that failed shows its error and waits for the next edit (or Back), never loops.
  const print = JSON.stringify(authorizations);
  const rebuiltFor = useRef<string>(undefined);
  useEffect(() => {
    if (edited && !busy && rebuiltFor.current !== print) {
      rebuiltFor.current = print;
      rebuild();
    }
  }, [edited, busy, print]);

  const migrate = async (deadline: bigint, signatures: SignatureBook) => {
    const receipt = await sender.send(
      legs.map((leg) => leg.encode(signatures)),
      deadline,
      unwrapWeth,
    );
    setStage({ step: "ready" });
    onDone({
      hash: receipt.transactionHash,
      gasUsed: receipt.gasUsed,
      effectiveGasPrice: receipt.effectiveGasPrice,
      events: parseMigrationEvents(receipt.logs),
      legs,
    });
  };

  /**
   * Sends, in turn, each approval transaction whose grant is not on chain yet (a retry after a failed migration sends
   * none twice) and waits for it to be mined, reporting how many are done.
   */
  const sendApprovals = async (list: readonly Approval[], onProgress: (progress: Progress) => void) => {
    const needed = await approvalsToSend(client, owner, migrator, list);
    for (const [i, { call }] of needed.entries()) {
      onProgress({ done: i, of: needed.length });
      await client.waitForTransactionReceipt({ hash: await sendTransactionAsync(call) });
    }
  };

  const approvals = legs.flatMap((leg) => leg.approvals);
  const approvalsBeforeMigrating = transactionOnlyApprovals(legs);

  /**
   * Sends the signed batch (after the approvals no signature stands in for), unless its signatures expire before it
   * could be mined: then they are asked again.
   */
  const sendSigned = (signing: Signing) =>
    run(async () => {
      const { deadline, requests, signatures } = signing;
      if (expiresSoon(deadline, await signingNow(client))) {
        await reviewFresh();
        setNotice(RESIGN_NOTICE);
        return;
      }
      try {
        await sendApprovals(approvalsBeforeMigrating, (approving) => setStage({ step: "review", signing, approving }));
      } finally {
        setStage((now) => (now.step === "review" ? { step: "review", signing } : now));
      }
      await migrate(deadline, signatureBook(requests, signatures, deadline));
    });

  /** For accounts that cannot sign (smart-contract wallets): one exact approval or delegation each, then migrate. */
  const approveAndSend = () =>
    run(async () => {
      try {
        await sendApprovals(approvals, (progress) => setStage({ step: "approving", progress }));
        setStage({ step: "sending" });
        await migrate(await signingDeadline(client), NO_SIGNATURES);
      } finally {
        setStage({ step: "ready" });
      }
    });

  return (
    <div className="space-y-3">
      {stage.step === "ready" ? (
        <Button onClick={useApprovals ? approveAndSend : () => run(reviewFresh)} disabled={disabled || busy}>
          {useApprovals ? labels.approveAndMigrate : labels.review}
        </Button>
      ) : null}
      {stage.step === "approving" ? (
        <Alert tone="info">
          Sending authorisation {stage.progress.done + 1} of {stage.progress.of}…
        </Alert>
      ) : null}
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {current ? (
        <div className="space-y-3">
          <h3 className="font-medium">You are about to sign</h3>
          {edited ? <p className="text-sm">You changed what moves: updating what you sign…</p> : null}
          <SignatureList signing={current} />
          <ApprovalTransactionList approvals={approvalsBeforeMigrating} />
          {stage.step === "review" && stage.approving !== undefined ? (
            <Alert tone="info">
              Sending approval {stage.approving.done + 1} of {stage.approving.of}…
            </Alert>
          ) : null}
          {unsigned(current).length > 0 ? (
            <div className="flex gap-3">
              <Button
                onClick={() =>
                  run(() =>
                    signRemaining(current, signWith(signTypedDataAsync), (signing) =>
                      setStage({ step: "review", signing }),
                    ),
                  )
                }
                disabled={busy || edited}
              >
                {busy
                  ? "Waiting for your wallet…"
                  : unsigned(current).length === current.requests.length
                    ? labels.sign
                    : "Sign the rest"}
              </Button>
              <Button variant="secondary" onClick={() => setStage({ step: "ready" })} disabled={busy}>
                Back
              </Button>
            </div>
          ) : (
            <Button onClick={() => sendSigned(current)} disabled={busy || edited || disabled}>
              {busy
                ? "Confirm in your wallet…"
                : approvalsBeforeMigrating.length > 0
                  ? labels.approveAndMigrate
                  : labels.migrate}
            </Button>
          )}
        </div>
      ) : null}
      {sender.pending ? <PendingTransaction hash={sender.pending.hash} /> : null}
      {alert.message ? <Alert tone="error">{alert.message}</Alert> : null}
    </div>
  );
}

const sameAuthorizations = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);
