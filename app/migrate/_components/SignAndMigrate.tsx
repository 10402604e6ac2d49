"use client";

import { useState } from "react";
import { type Address, type Hash, type Hex, type PublicClient, parseEventLogs } from "viem";
import { useChainId, usePublicClient, useSignTypedData, useWriteContract } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { describeMigrationFailure, useMigrationSender } from "@/hooks/useMigrationSender";
import { migratorAbi, uniswapV2PairAbi } from "@/lib/generated/abis";
import { buildLpPermits } from "@/lib/lpPermits";
import {
  type MigratorPosition,
  NO_PERMIT,
  toPermitSignature,
  type UniswapV2ToV3Params,
  uniswapV2ToV3Position,
} from "@/lib/migration";
import { describePermit, type PermitRequest, permitTypedData } from "@/lib/permit";
import type { LiquidityMigration } from "@/lib/simulateMigration";

export interface BatchItem {
  pair: Address;
  name: string;
  params: UniswapV2ToV3Params;
}

export interface MigrationResult {
  hash: Hash;
  gasUsed: bigint;
  migrations: { source: Address; migration: LiquidityMigration }[];
}

type Stage =
  | { step: "ready" }
  | { step: "review"; deadline: bigint; permits: PermitRequest[]; signatures: Hex[] }
  | { step: "approving"; done: number };

/** Sign what Ferry may move (permits, or approvals for wallets that cannot sign), then send one transaction. */
export function SignAndMigrate({
  owner,
  migrator,
  batch,
  unwrapWeth,
  useApprovals,
  disabled,
  onDone,
}: {
  owner: Address;
  migrator: Address;
  batch: BatchItem[];
  unwrapWeth: boolean;
  useApprovals: boolean;
  disabled: boolean;
  onDone: (result: MigrationResult) => void;
}) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  const { signTypedDataAsync } = useSignTypedData();
  const { writeContractAsync } = useWriteContract();
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

  const review = () =>
    run(async () => {
      const { deadline, permits } = await buildLpPermits(client, chainId, owner, migrator, pulls);
      setStage({ step: "review", deadline, permits, signatures: [] });
    });

  /** Signs the permits not signed yet, one wallet prompt each; a rejection keeps those already signed. */
  const signNext = (review: Extract<Stage, { step: "review" }>) =>
    run(async () => {
      const signatures = [...review.signatures];
      for (const permit of review.permits.slice(signatures.length)) {
        try {
          signatures.push(await signTypedDataAsync(permitTypedData(permit)));
        } finally {
          setStage({ ...review, signatures: [...signatures] });
        }
      }
    });

  const send = (positions: MigratorPosition[], deadline: bigint) =>
    run(async () => {
      const receipt = await sender.send(positions, deadline, unwrapWeth);
      const events = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: receipt.logs });
      setStage({ step: "ready" });
      onDone({
        hash: receipt.transactionHash,
        gasUsed: receipt.gasUsed,
        migrations: events.map((event) => event.args),
      });
    });

  const sendWithPermits = (review: Extract<Stage, { step: "review" }>) =>
    send(
      batch.map((item, i) =>
        uniswapV2ToV3Position({
          ...item.params,
          permit: toPermitSignature(review.signatures[i] as Hex, item.params.lpAmount, review.deadline),
        }),
      ),
      review.deadline,
    );

  /** For accounts that cannot sign permits (smart-contract wallets): one exact approval per LP token, then migrate. */
  const approveAndSend = () =>
    run(async () => {
      for (const [i, { pair, amount }] of pulls.entries()) {
        setStage({ step: "approving", done: i });
        const hash = await writeContractAsync({
          address: pair,
          abi: uniswapV2PairAbi,
          functionName: "approve",
          args: [migrator, amount],
        });
        await client.waitForTransactionReceipt({ hash });
      }
      const { timestamp } = await client.getBlock();
      await send(
        batch.map((item) => uniswapV2ToV3Position({ ...item.params, permit: NO_PERMIT })),
        timestamp + 20n * 60n,
      );
    });

  return (
    <div className="space-y-3">
      {stage.step === "ready" ? (
        <Button onClick={useApprovals ? approveAndSend : review} disabled={disabled || busy}>
          {useApprovals ? "Approve and migrate" : "Review what you sign"}
        </Button>
      ) : null}
      {stage.step === "approving" ? (
        <Alert tone="info">
          Approving LP token {stage.done + 1} of {pulls.length}…
        </Alert>
      ) : null}
      {stage.step === "review" ? (
        <div className="space-y-3">
          <h3 className="font-medium">
            You are about to sign {stage.permits.length === 1 ? "this permit" : `${stage.permits.length} permits`}
          </h3>
          {stage.permits.map((permit, i) => (
            <ul
              key={permit.domain.verifyingContract}
              aria-label={`Permit for ${batch[i]?.name}`}
              className="space-y-1 rounded-lg bg-slate-100 p-3 font-mono text-sm break-all dark:bg-slate-800"
            >
              {describePermit(permit, BigInt(Math.floor(Date.now() / 1000))).map((line) => (
                <li key={line}>{line}</li>
              ))}
              <li>{i < stage.signatures.length ? "✓ Signed" : "Not signed yet"}</li>
            </ul>
          ))}
          {stage.signatures.length < stage.permits.length ? (
            <div className="flex gap-3">
              <Button onClick={() => signNext(stage)} disabled={busy}>
                {busy ? "Waiting for your wallet…" : stage.signatures.length === 0 ? "Sign" : "Sign the rest"}
              </Button>
              <Button variant="secondary" onClick={() => setStage({ step: "ready" })} disabled={busy}>
                Back
              </Button>
            </div>
          ) : (
            <Button onClick={() => sendWithPermits(stage)} disabled={busy || disabled}>
              {busy ? "Confirm in your wallet…" : "Migrate in one transaction"}
            </Button>
          )}
        </div>
      ) : null}
      {sender.pending ? (
        <Alert tone="info">
          Transaction sent, waiting for it to be mined… <code className="break-all">{sender.pending.hash}</code>
          {sender.pending.note ? <span className="block">{sender.pending.note}</span> : null}
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
