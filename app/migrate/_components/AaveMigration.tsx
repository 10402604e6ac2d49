"use client";

import { useState } from "react";
import { type Address, type Hash, type PublicClient, parseEventLogs } from "viem";
import { useChainId, usePublicClient, useSignTypedData } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { Field } from "@/components/Field";
import { describeMigrationFailure, useMigrationSender } from "@/hooks/useMigrationSender";
import { type AaveMigrationPlan, aaveMigrationParams } from "@/lib/aaveMigrationPlan";
import type { AaveV2Position } from "@/lib/aavePositions";
import { buildAaveSignatureRequests } from "@/lib/aaveSignatures";
import { formatAmount } from "@/lib/format";
import { migratorAbi } from "@/lib/generated/abis";
import { formatHealthFactor } from "@/lib/healthFactor";
import type { Parsed } from "@/lib/inputs";
import { PERMIT_LIFETIME_SECONDS } from "@/lib/lpPermits";
import { aaveV2ToV3Position, toPermitSignature } from "@/lib/migration";
import { delegationsOf, permitsOf, SignatureList, type Signing, signRemaining, signWith } from "./signatures";

/**
 * The account's Aave V2 position, what V3 says about each asset, both health factors, and either its own one
 * transaction or a place in the batch with the Uniswap positions.
 */
export function AaveMigration({
  owner,
  migrator,
  position,
  plan,
  minHealthFactor,
  minimum,
  onMinHealthFactorChange,
  inBatch,
  onInBatchChange,
  batchAvailable,
}: {
  owner: Address;
  migrator: Address;
  position: AaveV2Position;
  plan: AaveMigrationPlan | undefined;
  minHealthFactor: string;
  minimum: Parsed<number>;
  onMinHealthFactorChange: (value: string) => void;
  inBatch: boolean;
  onInBatchChange: (inBatch: boolean) => void;
  batchAvailable: boolean;
}) {
  return (
    <Card title="Your Aave V2 position">
      <ReserveTable position={position} />
      {plan ? (
        <>
          <ul aria-label="Aave V3 eligibility" className="space-y-1 text-sm">
            {plan.checks.map((check) => (
              <li key={`${check.asset}-${check.reason}`} className={check.ok ? "" : "text-red-700 dark:text-red-300"}>
                {check.ok ? "✓" : "✗"} {check.reason}
              </li>
            ))}
          </ul>
          <p className="text-sm" data-testid="health-factors">
            Health factor on Aave V2: {formatHealthFactor(plan.before)} →{" "}
            {formatHealthFactor(plan.after.v2.healthFactor)} · on Aave V3 after:{" "}
            {formatHealthFactor(plan.after.v3.healthFactor)} (liquidation below 1.00)
          </p>
        </>
      ) : null}
      <Field
        label="Minimum health factor on Aave V3"
        value={minHealthFactor}
        onChange={(event) => onMinHealthFactorChange(event.target.value)}
        error={minimum.ok ? undefined : minimum.error}
      />
      {plan && !plan.healthy ? (
        <Alert tone="error">
          The Aave V3 health factor would be {formatHealthFactor(plan.after.v3.healthFactor)}, below your minimum (and
          Ferry never goes below 1.005). Lower the minimum only if you accept the liquidation risk.
        </Alert>
      ) : null}
      {batchAvailable ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={inBatch} onChange={(event) => onInBatchChange(event.target.checked)} />
          Move it in the same transaction as the Uniswap positions below
        </label>
      ) : null}
      {plan && !inBatch ? <AaveSignAndSend owner={owner} migrator={migrator} plan={plan} /> : null}
    </Card>
  );
}

function ReserveTable({ position }: { position: AaveV2Position }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Aave V2 reserves</caption>
      <thead>
        <tr className="text-left text-slate-500">
          <th scope="col">Asset</th>
          <th scope="col">Supplied</th>
          <th scope="col">Borrowed</th>
        </tr>
      </thead>
      <tbody>
        {position.reserves.map((reserve) => (
          <tr key={reserve.asset}>
            <th scope="row" className="font-medium">
              {reserve.symbol}
            </th>
            <td>{formatAmount(reserve.supplied, reserve.decimals)}</td>
            <td>{formatAmount(reserve.stableDebt + reserve.variableDebt, reserve.decimals)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The Aave position on its own: its signatures, then one transaction. */
function AaveSignAndSend({ owner, migrator, plan }: { owner: Address; migrator: Address; plan: AaveMigrationPlan }) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  const { signTypedDataAsync } = useSignTypedData();
  const sender = useMigrationSender(owner, migrator);
  const [signing, setSigning] = useState<Signing>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<Hash>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setError(undefined);
    setBusy(true);
    await work()
      .catch((caught) => setError(describeMigrationFailure(caught)))
      .finally(() => setBusy(false));
  };

  const review = () =>
    run(async () => {
      const { timestamp } = await client.getBlock();
      const deadline = timestamp + PERMIT_LIFETIME_SECONDS;
      const { permits, delegations } = await buildAaveSignatureRequests(
        client,
        chainId,
        owner,
        migrator,
        deadline,
        plan,
      );
      setSigning({
        deadline,
        requests: [...permitsOf(permits, (i) => permits[i]?.token.symbol ?? ""), ...delegationsOf(delegations)],
        signatures: [],
      });
    });

  const send = (current: Signing) =>
    run(async () => {
      const signatures = current.requests.map((item, i) =>
        toPermitSignature(current.signatures[i] as `0x${string}`, item.request.message.value, current.deadline),
      );
      const receipt = await sender.send(
        [aaveV2ToV3Position(aaveMigrationParams(plan, signatures))],
        current.deadline,
        false,
      );
      const [event] = parseEventLogs({ abi: migratorAbi, eventName: "LendingMigrated", logs: receipt.logs });
      if (!event) throw new Error("The transaction was mined but Ferry reported no lending migration.");
      setSigning(undefined);
      setDone(receipt.transactionHash);
    });

  if (done) {
    return (
      <Alert tone="success">
        Your Aave position moved to Aave V3 in one transaction (<code className="break-all">{done}</code>).
      </Alert>
    );
  }
  return (
    <div className="space-y-3">
      {signing ? (
        <>
          <SignatureList signing={signing} />
          {signing.signatures.length < signing.requests.length ? (
            <Button
              onClick={() => run(() => signRemaining(signing, signWith(signTypedDataAsync), setSigning))}
              disabled={busy}
            >
              {busy ? "Waiting for your wallet…" : "Sign Aave authorisations"}
            </Button>
          ) : (
            <Button onClick={() => send(signing)} disabled={busy || !plan.sendable}>
              Move Aave position in one transaction
            </Button>
          )}
        </>
      ) : (
        <Button onClick={review} disabled={busy || !plan.sendable}>
          Review Aave authorisations
        </Button>
      )}
      {sender.pending ? <Alert tone="info">Transaction sent, waiting for it to be mined…</Alert> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
