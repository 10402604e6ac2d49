"use client";

import { useState } from "react";
import type { Address, Hex } from "viem";
import { useChainId, useSignTypedData } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { useV2PermitRequest } from "@/hooks/usePermitRequest";
import { ferryDeploymentFor } from "@/lib/ferry";
import { parsePercentage } from "@/lib/inputs";
import { describePermit, type PermitRequest, permitTypedData } from "@/lib/permit";
import { shareOf } from "@/lib/uniswapV2";
import type { V2Position } from "@/lib/v2Positions";
import { describeWalletError } from "@/lib/walletErrors";
import { positionName } from "./PositionList";

/** Choose how much of the position to move and sign the LP permit for Ferry's Migrator, reviewed in plain words. */
export function PermitStep({ owner, position }: { owner: Address; position: V2Position }) {
  const deployment = ferryDeploymentFor(useChainId());
  const [percentage, setPercentage] = useState("100");
  const parsed = parsePercentage(percentage);
  const prepare = useV2PermitRequest();
  const sign = useSignTypedData();
  const [signed, setSigned] = useState<{ request: PermitRequest; signature: Hex }>();

  if (!deployment) {
    return (
      <Alert tone="error">Ferry's Migrator is not deployed on this network yet, so nothing can be migrated.</Alert>
    );
  }

  const review = () => {
    if (!parsed.ok) return;
    sign.reset();
    setSigned(undefined);
    prepare.mutate({
      pair: position.pair,
      owner,
      spender: deployment.migrator,
      spenderName: "Ferry Migrator",
      value: shareOf(position.lpBalance, parsed.value),
    });
  };

  const signPermit = async (request: PermitRequest) => {
    const signature = await sign.signTypedDataAsync(permitTypedData(request)).catch(() => undefined);
    if (signature) setSigned({ request, signature });
  };

  const request = prepare.data;
  return (
    <Card title={`Move ${positionName(position)}`}>
      <label className="block space-y-1">
        <span className="text-sm font-medium">Share of the position to move (%)</span>
        <input
          inputMode="decimal"
          value={percentage}
          onChange={(event) => {
            setPercentage(event.target.value);
            prepare.reset();
          }}
          aria-invalid={!parsed.ok}
          aria-describedby="percentage-error"
          className="w-32 rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-800"
        />
      </label>
      {parsed.ok ? null : (
        <p id="percentage-error" className="text-sm text-red-700 dark:text-red-300">
          {parsed.error}
        </p>
      )}
      <Button onClick={review} disabled={!parsed.ok || prepare.isPending}>
        Review permit
      </Button>
      {prepare.isError ? <Alert tone="error">{describeWalletError(prepare.error)}</Alert> : null}

      {request ? (
        <div className="space-y-3">
          <h3 className="font-medium">You are about to sign this permit</h3>
          <ul aria-label="Permit details" className="space-y-1 font-mono text-sm break-all">
            {describePermit(request, BigInt(Math.floor(Date.now() / 1000))).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <Button onClick={() => signPermit(request)} disabled={sign.isPending}>
            {sign.isPending ? "Waiting for your wallet…" : "Sign permit"}
          </Button>
        </div>
      ) : null}
      {sign.isError ? <Alert tone="error">{describeWalletError(sign.error)}</Alert> : null}
      {signed ? (
        <Alert tone="success">
          Permit signed. <span className="sr-only">Signature </span>
          <code data-testid="permit-signature" className="break-all">
            {signed.signature}
          </code>
        </Alert>
      ) : null}
    </Card>
  );
}
