"use client";

import { useState } from "react";
import type { Address, Hash, PublicClient } from "viem";
import { useChainId, usePublicClient, useSendTransaction, useSignTypedData } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { PendingTransaction } from "@/components/PendingTransaction";
import { describeMigrationFailure, useMigrationSender } from "@/hooks/useMigrationSender";
import { NO_SIGNATURES } from "@/lib/routes/batch";
import { type MigrationEvent, parseMigrationEvents } from "@/lib/routes/events";
import { type Leg, type SignatureBook, signatureBook } from "@/lib/routes/types";
import { signingDeadline } from "@/lib/signing/requests";
import { SignatureList, type Signing, signRemaining, signWith, unsigned } from "./signatures";

export interface MigrationResult {
  hash: Hash;
  gasUsed: bigint;
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

type Stage = { step: "ready" } | { step: "review"; signing: Signing } | { step: "approving"; done: number };

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
  const [stage, setStage] = useState<Stage>({ step: "ready" });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    setBusy(true);
    try {
      await work();
    } catch (caught) {
      setError(describeMigrationFailure(caught));
    } finally {
      setBusy(false);
    }
  };

  /** Every leg's signatures, in leg order, all with one deadline from the chain's clock. */
  const review = () =>
    run(async () => {
      const deadline = await signingDeadline(client);
      const context = { client, chainId, owner, migrator, deadline };
      const requests = (await Promise.all(legs.map((leg) => leg.signatureRequests(context)))).flat();
      setStage({ step: "review", signing: { deadline, requests, signatures: {} } });
    });

  const send = (deadline: bigint, signatures: SignatureBook) =>
    run(async () => {
      const receipt = await sender.send(
        legs.map((leg) => leg.encode(signatures)),
        deadline,
        unwrapWeth,
      );
      setStage({ step: "ready" });
      onDone({
        hash: receipt.transactionHash,
        gasUsed: receipt.gasUsed,
        events: parseMigrationEvents(receipt.logs),
        legs,
      });
    });

  const approvals = legs.flatMap((leg) => leg.approvals);

  /** For accounts that cannot sign (smart-contract wallets): one exact approval or delegation each, then migrate. */
  const approveAndSend = () =>
    run(async () => {
      for (const [i, { call }] of approvals.entries()) {
        setStage({ step: "approving", done: i });
        await client.waitForTransactionReceipt({ hash: await sendTransactionAsync(call) });
      }
      await send(await signingDeadline(client), NO_SIGNATURES);
    });

  return (
    <div className="space-y-3">
      {stage.step === "ready" ? (
        <Button onClick={useApprovals ? approveAndSend : review} disabled={disabled || busy}>
          {useApprovals ? labels.approveAndMigrate : labels.review}
        </Button>
      ) : null}
      {stage.step === "approving" ? (
        <Alert tone="info">
          Sending authorisation {stage.done + 1} of {approvals.length}…
        </Alert>
      ) : null}
      {stage.step === "review" ? (
        <div className="space-y-3">
          <h3 className="font-medium">You are about to sign</h3>
          <SignatureList signing={stage.signing} />
          {unsigned(stage.signing).length > 0 ? (
            <div className="flex gap-3">
              <Button
                onClick={() =>
                  run(() =>
                    signRemaining(stage.signing, signWith(signTypedDataAsync), (signing) =>
                      setStage({ step: "review", signing }),
                    ),
                  )
                }
                disabled={busy}
              >
                {busy
                  ? "Waiting for your wallet…"
                  : unsigned(stage.signing).length === stage.signing.requests.length
                    ? labels.sign
                    : "Sign the rest"}
              </Button>
              <Button variant="secondary" onClick={() => setStage({ step: "ready" })} disabled={busy}>
                Back
              </Button>
            </div>
          ) : (
            <Button
              onClick={() => {
                const { deadline, requests, signatures } = stage.signing;
                send(deadline, signatureBook(requests, signatures, deadline));
              }}
              disabled={busy || disabled}
            >
              {busy ? "Confirm in your wallet…" : labels.migrate}
            </Button>
          )}
        </div>
      ) : null}
      {sender.pending ? <PendingTransaction hash={sender.pending.hash} /> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
