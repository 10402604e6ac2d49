"use client";

import { useState } from "react";
import { type Address, type Hash, type Hex, type PublicClient, parseEventLogs } from "viem";
import { useChainId, usePublicClient, useSendTransaction, useSignTypedData } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { describeMigrationFailure, useMigrationSender } from "@/hooks/useMigrationSender";
import { type AaveMigrationPlan, aaveAuthorizationCalls, aaveMigrationParams } from "@/lib/aave/v2ToV3Plan";
import { buildAaveSignatureRequests } from "@/lib/aave/v2ToV3Signatures";
import { migratorAbi } from "@/lib/generated/abis";
import {
  aaveV2ToV3Position,
  NO_PERMIT,
  type PermitSignature,
  toPermitSignature,
  type UniswapV2ToV3Params,
  uniswapV2ToV3Position,
} from "@/lib/migrator/encoding";
import type { LiquidityMigration } from "@/lib/migrator/simulate";
import { approvalCall } from "@/lib/signing/authorizations";
import { PERMIT_LIFETIME_SECONDS } from "@/lib/signing/requests";
import { buildLpPermits } from "@/lib/uniswap/v2/lpPermits";
import { PendingTransaction } from "./PendingTransaction";
import { delegationsOf, permitsOf, SignatureList, type Signing, signRemaining, signWith } from "./signatures";

export interface BatchItem {
  pair: Address;
  name: string;
  params: UniswapV2ToV3Params;
}

export interface MigrationResult {
  hash: Hash;
  gasUsed: bigint;
  migrations: { source: Address; migration: LiquidityMigration }[];
  /** Whether an Aave position moved in the same transaction. */
  movedAave: boolean;
  /** The held V3 positions the batch added to (the others were minted). */
  addedTo?: bigint[];
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
  batch,
  unwrapWeth,
  useApprovals,
  aave,
  labels,
  disabled,
  onDone,
}: {
  owner: Address;
  migrator: Address;
  batch: BatchItem[];
  unwrapWeth: boolean;
  useApprovals: boolean;
  aave?: AaveMigrationPlan;
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

  const pulls = batch.map(({ pair, params }) => ({ pair, amount: params.lpAmount }));

  /** LP permits first, then the Aave position's permits and delegations, all with one deadline. */
  const review = () =>
    run(async () => {
      const { deadline, permits } = await buildLpPermits(client, chainId, owner, migrator, pulls);
      const lending = aave
        ? await buildAaveSignatureRequests(client, chainId, owner, migrator, deadline, aave)
        : { permits: [], delegations: [] };
      const requests = [
        ...permitsOf(permits, (i) => batch[i]?.name ?? ""),
        ...permitsOf(lending.permits, (i) => lending.permits[i]?.token.symbol ?? ""),
        ...delegationsOf(lending.delegations),
      ];
      setStage({ step: "review", signing: { deadline, requests, signatures: [] } });
    });

  const send = (deadline: bigint, signatures: PermitSignature[]) =>
    run(async () => {
      const positions = [
        ...batch.map((item, i) => uniswapV2ToV3Position({ ...item.params, permit: signatures[i] ?? NO_PERMIT })),
        ...(aave ? [aaveV2ToV3Position(aaveMigrationParams(aave, signatures.slice(batch.length)))] : []),
      ];
      const receipt = await sender.send(positions, deadline, unwrapWeth);
      const events = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: receipt.logs });
      const lending = parseEventLogs({ abi: migratorAbi, eventName: "LendingMigrated", logs: receipt.logs });
      setStage({ step: "ready" });
      onDone({
        hash: receipt.transactionHash,
        gasUsed: receipt.gasUsed,
        migrations: events.map((event) => event.args),
        movedAave: lending.length > 0,
      });
    });

  const sendSigned = ({ deadline, requests, signatures }: Signing) =>
    send(
      deadline,
      requests.map((item, i) => toPermitSignature(signatures[i] as Hex, item.request.message.value, deadline)),
    );

  /** For accounts that cannot sign (smart-contract wallets): one exact approval or delegation each, then migrate. */
  const approveAndSend = () =>
    run(async () => {
      const calls = [
        ...pulls.map(({ pair, amount }) => approvalCall(pair, migrator, amount)),
        ...(aave ? aaveAuthorizationCalls(aave, migrator) : []),
      ];
      for (const [i, call] of calls.entries()) {
        setStage({ step: "approving", done: i });
        await client.waitForTransactionReceipt({ hash: await sendTransactionAsync(call) });
      }
      const { timestamp } = await client.getBlock();
      await send(timestamp + PERMIT_LIFETIME_SECONDS, []);
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
          Sending authorisation {stage.done + 1} of{" "}
          {pulls.length + (aave ? aave.supplies.length + aave.debts.length : 0)}…
        </Alert>
      ) : null}
      {stage.step === "review" ? (
        <div className="space-y-3">
          <h3 className="font-medium">You are about to sign</h3>
          <SignatureList signing={stage.signing} />
          {stage.signing.signatures.length < stage.signing.requests.length ? (
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
                  : stage.signing.signatures.length === 0
                    ? labels.sign
                    : "Sign the rest"}
              </Button>
              <Button variant="secondary" onClick={() => setStage({ step: "ready" })} disabled={busy}>
                Back
              </Button>
            </div>
          ) : (
            <Button onClick={() => sendSigned(stage.signing)} disabled={busy || disabled}>
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
