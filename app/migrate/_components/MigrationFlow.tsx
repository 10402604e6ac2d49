"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type Address, parseUnits } from "viem";
import { useChainId } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { useAaveV2Position } from "@/hooks/useAaveV2Position";
import { useAccountKind } from "@/hooks/useAccountKind";
import { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import { useV2Positions } from "@/hooks/useV2Positions";
import { useV3Pools } from "@/hooks/useV3Pools";
import { useV3Positions } from "@/hooks/useV3Positions";
import { type KeptOnV2, MOVE_EVERYTHING } from "@/lib/aave/v2/selection";
import { aaveSimulation, planAaveMigration } from "@/lib/aave/v2ToV3Plan";
import { describeWalletError } from "@/lib/chain/walletErrors";
import { parsePositiveNumber, parseSlippage } from "@/lib/inputs";
import { ferryDeploymentFor } from "@/lib/migrator/deployment";
import { uniswapV2ToV3Position } from "@/lib/migrator/encoding";
import { approvalCall } from "@/lib/signing/authorizations";
import { AaveMigration } from "./AaveMigration";
import type { Approvals } from "./ApprovalsToggle";
import {
  DEFAULT_DRAFT,
  destinationsFor,
  type PositionDraft,
  type PositionPlan,
  planPosition,
  type ReadyPlan,
} from "./draft";
import { MigrationReceipt } from "./MigrationReceipt";
import { PositionList, positionName } from "./PositionList";
import { PositionPreview } from "./PositionPreview";
import { PositionSettings } from "./PositionSettings";
import { type BatchOptions, ReviewCard } from "./ReviewCard";
import type { MigrationResult } from "./SignAndMigrate";

/** Pick positions, configure and preview each, then sign and send them as one batch. */
export function MigrationFlow({ owner }: { owner: Address }) {
  const chainId = useChainId();
  const deployment = ferryDeploymentFor(chainId);
  const positions = useV2Positions(owner);
  const [selected, setSelected] = useState<Set<Address>>(new Set());
  const [drafts, setDrafts] = useState<Record<Address, PositionDraft>>({});
  const [options, setOptions] = useState<BatchOptions>({ slippage: "0.5", unwrapWeth: false, useApprovals: false });
  const [result, setResult] = useState<MigrationResult>();
  const [aaveMinHealthFactor, setAaveMinHealthFactor] = useState("1.1");
  const [aaveInBatch, setAaveInBatch] = useState(false);
  const [aaveKept, setAaveKept] = useState<KeptOnV2>(MOVE_EVERYTHING);
  const queryClient = useQueryClient();
  const aave = useAaveV2Position(owner);
  const contractWallet = useAccountKind(owner).data === "contract";
  const approvals: Approvals = { contractWallet, active: contractWallet || options.useApprovals };

  const chosen = (positions.data ?? []).filter((position) => selected.has(position.pair));
  const draftOf = (pair: Address) => drafts[pair] ?? DEFAULT_DRAFT;
  // Read once per account, apart from the preview: a preview update costs no request for it.
  const held = useV3Positions(owner).data ?? [];
  const pools = useV3Pools(chosen.map((position) => ({ position, fee: draftOf(position.pair).fee })));
  const market = useMarketData(
    (positions.data ?? []).flatMap((position) => [position.token0.address, position.token1.address]),
  );
  const slippageBps = parseSlippage(options.slippage);

  const plans: (PositionPlan | undefined)[] = chosen.map((position, i) => {
    const pool = pools[i]?.data;
    if (!pool || !slippageBps.ok) return undefined;
    return planPosition(position, draftOf(position.pair), pool, held, slippageBps.value, chainId);
  });
  const ready = plans.filter((plan): plan is ReadyPlan => plan?.ok === true);
  const allReady = chosen.length > 0 && ready.length === chosen.length;
  const sendable = allReady && ready.every((plan) => plan.sendable);

  const aaveMinimum = parsePositiveNumber(aaveMinHealthFactor, "minimum health factor");
  const aaveData = aave.data?.position.reserves.length ? aave.data : undefined;
  const aavePlan =
    aaveData && aaveMinimum.ok
      ? planAaveMigration(
          aaveData.position,
          aaveData.v3,
          parseUnits(String(aaveMinimum.value), 18),
          (symbol) => {
            const reserve = aaveData.v3Reserves[symbol];
            if (!reserve) throw new Error(`${symbol} has no Aave V3 reserve in the address book`);
            return reserve.variableDebtToken;
          },
          aaveKept,
        )
      : undefined;
  // The Aave position joins the Uniswap batch only when the user asks and Ferry would let it go on its own.
  const aaveInTransaction = aaveInBatch && aavePlan?.sendable ? aavePlan : undefined;

  // A fresh object each render is fine: the query key is hashed by content (bigints included).
  const aaveInSimulation =
    aaveInTransaction && deployment ? aaveSimulation(aaveInTransaction, deployment.migrator) : undefined;
  const previewInput =
    allReady && deployment
      ? {
          migrator: deployment.migrator,
          owner,
          authorizations: [
            ...ready.map(({ position, plan }) => approvalCall(position.pair, deployment.migrator, plan.lpAmount)),
            ...(aaveInSimulation?.authorizations ?? []),
          ],
          positions: [
            ...ready.map(({ plan }) => uniswapV2ToV3Position(plan.params)),
            ...(aaveInSimulation?.positions ?? []),
          ],
          unwrapWeth: options.unwrapWeth,
        }
      : undefined;
  const simulation = useMigrationSimulation(previewInput);

  if (!deployment) {
    return (
      <Alert tone="error">Ferry's Migrator is not deployed on this network yet, so nothing can be migrated.</Alert>
    );
  }
  if (positions.isPending) return <Card>Looking for your positions…</Card>;
  if (positions.isError) {
    return (
      <Card title="Could not read your positions">
        <Alert tone="error">{describeWalletError(positions.error)}</Alert>
        <Button variant="secondary" onClick={() => positions.refetch()}>
          Try again
        </Button>
      </Card>
    );
  }
  if (result) {
    return (
      <MigrationReceipt
        result={result}
        positions={positions.data}
        onAgain={() => {
          setResult(undefined);
          setSelected(new Set());
          queryClient.invalidateQueries();
        }}
      />
    );
  }
  const aaveCard = aaveData ? (
    <AaveMigration
      owner={owner}
      migrator={deployment.migrator}
      position={aaveData.position}
      plan={aavePlan}
      kept={aaveKept}
      onKeptChange={setAaveKept}
      minHealthFactor={aaveMinHealthFactor}
      minimum={aaveMinimum}
      onMinHealthFactorChange={setAaveMinHealthFactor}
      inBatch={aaveInBatch}
      onInBatchChange={setAaveInBatch}
      batchAvailable={chosen.length > 0}
      approvals={approvals}
      onApprovalsChange={(useApprovals) => setOptions((current) => ({ ...current, useApprovals }))}
      market={market}
    />
  ) : null;
  if (positions.data.length === 0) {
    return (
      <div className="space-y-6">
        {aaveCard}
        <Card title="No Uniswap V2 liquidity">
          <p>
            This account holds no Uniswap V2 liquidity in the pairs Ferry supports. Connect another account, or add
            liquidity on the old version first.
          </p>
        </Card>
      </div>
    );
  }

  const toggle = (pair: Address) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(pair)) next.add(pair);
      return next;
    });
  return (
    <div className="space-y-6">
      {aaveCard}
      <PositionList
        positions={positions.data}
        prices={market.data?.prices}
        selected={selected}
        onToggle={toggle}
        disabled={false}
      />
      {chosen.map((position, i) => {
        const plan = plans[i];
        const draft = draftOf(position.pair);
        const setDraft = (next: PositionDraft) => setDrafts((current) => ({ ...current, [position.pair]: next }));
        return (
          <Card key={position.pair} title={`Move ${positionName(position)}`}>
            <PositionSettings
              position={position}
              draft={draft}
              destinations={destinationsFor(position, draft.fee, held)}
              onChange={setDraft}
              disabled={false}
            />
            {plan === undefined ? <p className="text-sm text-muted">Reading the V3 pool…</p> : null}
            {plan?.ok === false ? <Alert tone="error">{plan.error}</Alert> : null}
            {plan?.ok ? (
              <PositionPreview
                position={position}
                ready={plan}
                simulated={simulation.data?.migrations[ready.indexOf(plan)]?.migration}
                deviationConfirmed={draft.deviationConfirmed}
                onConfirmDeviation={(confirmed) => setDraft({ ...draft, deviationConfirmed: confirmed })}
              />
            ) : null}
          </Card>
        );
      })}
      {chosen.length > 0 ? (
        <ReviewCard
          owner={owner}
          migrator={deployment.migrator}
          ready={ready}
          sendable={sendable}
          options={options}
          slippageBps={slippageBps}
          onOptionsChange={setOptions}
          approvals={approvals}
          simulation={simulation}
          market={market}
          aave={aaveInTransaction}
          onDone={setResult}
        />
      ) : null}
    </div>
  );
}
