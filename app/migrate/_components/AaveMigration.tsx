"use client";

import { useState } from "react";
import { type Address, type Hash, type Hex, type PublicClient, parseEventLogs, parseUnits } from "viem";
import { useChainId, usePublicClient, useSignTypedData } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { Field } from "@/components/Field";
import { useAaveV2Position } from "@/hooks/useAaveV2Position";
import { describeMigrationFailure, useMigrationSender } from "@/hooks/useMigrationSender";
import { type AaveMigrationPlan, planAaveMigration } from "@/lib/aaveMigrationPlan";
import type { AaveV2Position } from "@/lib/aavePositions";
import {
  buildAaveSignatureRequests,
  type DelegationRequest,
  delegationTypedData,
  describeDelegation,
} from "@/lib/aaveSignatures";
import { addressesFor } from "@/lib/addresses";
import { formatAmount } from "@/lib/format";
import { migratorAbi } from "@/lib/generated/abis";
import { formatHealthFactor } from "@/lib/healthFactor";
import { parsePositiveNumber } from "@/lib/inputs";
import { PERMIT_LIFETIME_SECONDS } from "@/lib/lpPermits";
import { aaveV2ToV3Position, toPermitSignature } from "@/lib/migration";
import { describePermit, type PermitRequest, permitTypedData } from "@/lib/permit";

interface Signing {
  deadline: bigint;
  requests: ({ kind: "permit"; request: PermitRequest } | { kind: "delegation"; request: DelegationRequest })[];
  signatures: Hex[];
}

/** The account's Aave V2 position, what V3 says about each asset, both health factors, and its own one transaction. */
export function AaveMigration({ owner, migrator }: { owner: Address; migrator: Address }) {
  const aave = useAaveV2Position(owner);
  const [minHealthFactor, setMinHealthFactor] = useState("1.1");
  const minimum = parsePositiveNumber(minHealthFactor, "minimum health factor");

  if (aave.isPending) return <Card>Looking for your Aave V2 position…</Card>;
  if (aave.isError) return <Alert tone="error">{describeMigrationFailure(aave.error)}</Alert>;
  if (!aave.data || aave.data.position.reserves.length === 0) return null;
  const { position, v3 } = aave.data;
  const plan = minimum.ok ? planAaveMigration(position, v3, parseUnits(minimum.value.toString(), 18)) : undefined;

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
        onChange={(event) => setMinHealthFactor(event.target.value)}
        error={minimum.ok ? undefined : minimum.error}
      />
      {plan && !plan.healthy ? (
        <Alert tone="error">
          The Aave V3 health factor would be {formatHealthFactor(plan.after.v3.healthFactor)}, below your minimum (and
          Ferry never goes below 1.005). Lower the minimum only if you accept the liquidation risk.
        </Alert>
      ) : null}
      {plan ? <AaveSignAndSend owner={owner} migrator={migrator} plan={plan} minimum={minHealthFactor} /> : null}
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

function AaveSignAndSend({
  owner,
  migrator,
  plan,
  minimum,
}: {
  owner: Address;
  migrator: Address;
  plan: AaveMigrationPlan;
  minimum: string;
}) {
  const chainId = useChainId();
  const client = usePublicClient() as PublicClient;
  const { signTypedDataAsync } = useSignTypedData();
  const sender = useMigrationSender(owner, migrator);
  // This card is shown on the world only (see useAaveV2Position), whose address book lists V3's reserves.
  const v3Reserves = addressesFor(31337).aaveV3.reserves;
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
      const { permits, delegations } = await buildAaveSignatureRequests(client, chainId, owner, migrator, deadline, {
        supplies: plan.supplies.map((r) => ({
          token: r.tokens.aToken,
          symbol: `a${r.symbol}`,
          decimals: r.decimals,
          amount: r.supplied,
        })),
        // The delegation is on Aave V3's variable debt token of the asset: V3 opens the debt as variable.
        debts: plan.debts.map((r) => ({
          token: v3Reserves[r.symbol as keyof typeof v3Reserves].variableDebtToken,
          symbol: r.symbol,
          decimals: r.decimals,
          amount: r.stableDebt + r.variableDebt,
        })),
      });
      setSigning({
        deadline,
        requests: [
          ...permits.map((request) => ({ kind: "permit" as const, request })),
          ...delegations.map((request) => ({ kind: "delegation" as const, request })),
        ],
        signatures: [],
      });
    });

  const signRest = (current: Signing) =>
    run(async () => {
      const signatures = [...current.signatures];
      for (const item of current.requests.slice(signatures.length)) {
        try {
          signatures.push(
            item.kind === "permit"
              ? await signTypedDataAsync(permitTypedData(item.request))
              : await signTypedDataAsync(delegationTypedData(item.request)),
          );
        } finally {
          setSigning({ ...current, signatures: [...signatures] });
        }
      }
    });

  const send = (current: Signing) =>
    run(async () => {
      const signature = (i: number) => {
        const item = current.requests[i];
        const value = item?.request.message.value ?? 0n;
        return toPermitSignature(current.signatures[i] as Hex, value, current.deadline);
      };
      const params = {
        collateral: plan.supplies.map((r, i) => ({ asset: r.asset, permit: signature(i) })),
        debt: plan.debts.map((r, i) => ({ asset: r.asset, delegation: signature(plan.supplies.length + i) })),
        minHealthFactor: parseUnits(minimum, 18),
      };
      const receipt = await sender.send([aaveV2ToV3Position(params)], current.deadline, false);
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
          {signing.requests.map((item, i) => (
            <ul
              key={item.request.domain.verifyingContract}
              aria-label={`${item.kind === "permit" ? "Permit" : "Credit delegation"} for ${item.request.token.symbol}`}
              className="space-y-1 rounded-lg bg-slate-100 p-3 font-mono text-sm break-all dark:bg-slate-800"
            >
              {(item.kind === "permit"
                ? describePermit(item.request, BigInt(Math.floor(Date.now() / 1000)))
                : describeDelegation(item.request)
              ).map((line) => (
                <li key={line}>{line}</li>
              ))}
              <li>{i < signing.signatures.length ? "✓ Signed" : "Not signed yet"}</li>
            </ul>
          ))}
          {signing.signatures.length < signing.requests.length ? (
            <Button onClick={() => signRest(signing)} disabled={busy}>
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
