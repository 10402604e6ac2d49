"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Address } from "viem";
import { useBalance, useChainId } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { Field } from "@/components/Field";
import { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import { useV2Positions } from "@/hooks/useV2Positions";
import { useV3Pools } from "@/hooks/useV3Pools";
import { ferryDeploymentFor } from "@/lib/ferry";
import { gasCost } from "@/lib/gasCost";
import { parseSlippage } from "@/lib/inputs";
import { uniswapV2ToV3Position } from "@/lib/migration";
import { describeMigrationError } from "@/lib/migrationErrors";
import { MigrationRevert } from "@/lib/simulateMigration";
import { describeWalletError, NOT_ENOUGH_ETH } from "@/lib/walletErrors";
import { DEFAULT_DRAFT, type PositionDraft, type PositionPlan, planPosition, type ReadyPlan } from "./draft";
import { MigrationReceipt } from "./MigrationReceipt";
import { formatUsd, PositionList, positionName, positionUsd } from "./PositionList";
import { PositionPreview } from "./PositionPreview";
import { PositionSettings } from "./PositionSettings";
import { type MigrationResult, SignAndMigrate } from "./SignAndMigrate";

/** Pick positions, configure and preview each, then sign and send them as one batch. */
export function MigrationFlow({ owner }: { owner: Address }) {
  const chainId = useChainId();
  const deployment = ferryDeploymentFor(chainId);
  const positions = useV2Positions(owner);
  const [selected, setSelected] = useState<Set<Address>>(new Set());
  const [drafts, setDrafts] = useState<Record<Address, PositionDraft>>({});
  const [slippage, setSlippage] = useState("0.5");
  const [unwrapWeth, setUnwrapWeth] = useState(false);
  const [useApprovals, setUseApprovals] = useState(false);
  const [result, setResult] = useState<MigrationResult>();
  const queryClient = useQueryClient();

  const chosen = (positions.data ?? []).filter((position) => selected.has(position.pair));
  const draftOf = (pair: Address) => drafts[pair] ?? DEFAULT_DRAFT;
  const pools = useV3Pools(chosen.map((position) => ({ position, fee: draftOf(position.pair).fee })));
  const market = useMarketData(
    (positions.data ?? []).flatMap((position) => [position.token0.address, position.token1.address]),
  );
  const slippageBps = parseSlippage(slippage);
  const ethBalance = useBalance({ address: owner });

  const plans: (PositionPlan | undefined)[] = chosen.map((position, i) => {
    const pool = pools[i]?.data;
    if (!pool || !slippageBps.ok) return undefined;
    return planPosition(position, draftOf(position.pair), pool, slippageBps.value, chainId);
  });
  const ready = plans.filter((plan): plan is ReadyPlan => plan?.ok === true);
  const allReady = chosen.length > 0 && ready.length === chosen.length;
  const sendable = allReady && ready.every((plan) => plan.sendable);

  // A fresh object each render is fine: the query key is hashed by content (bigints included).
  const previewInput =
    allReady && deployment
      ? {
          migrator: deployment.migrator,
          owner,
          pulls: ready.map(({ plan }, i) => ({ token: chosen[i]?.pair as Address, amount: plan.lpAmount })),
          positions: ready.map(({ plan }) => uniswapV2ToV3Position(plan.params)),
          unwrapWeth,
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
  if (positions.data.length === 0) {
    return (
      <Card title="No positions to migrate">
        <p>
          This account holds no Uniswap V2 liquidity in the pairs Ferry supports. Connect another account, or add
          liquidity on the old version first.
        </p>
      </Card>
    );
  }

  const toggle = (pair: Address) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(pair)) next.add(pair);
      return next;
    });
  const valueMovedUsd = ready.reduce((sum, { plan }, i) => {
    const position = chosen[i];
    const usd = position ? positionUsd(position, market.data?.prices) : undefined;
    return sum + (usd ?? 0) * (Number(plan.lpAmount) / Number(position?.lpBalance || 1n));
  }, 0);
  const gas =
    simulation.data && market.data
      ? gasCost(simulation.data.gasUsed, market.data.maxFeePerGas, market.data.ethUsd, valueMovedUsd)
      : undefined;
  const lacksGasMoney = gas !== undefined && ethBalance.data !== undefined && ethBalance.data.value < gas.wei;
  const simulationError = simulation.error
    ? simulation.error instanceof MigrationRevert
      ? describeMigrationError(simulation.error.errorName, simulation.error.message)
      : describeWalletError(simulation.error)
    : undefined;

  return (
    <div className="space-y-6">
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
            <PositionSettings position={position} draft={draft} onChange={setDraft} disabled={false} />
            {plan === undefined ? <p className="text-sm text-slate-500">Reading the V3 pool…</p> : null}
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
        <Card title="Review and migrate">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              label="Slippage tolerance (%)"
              value={slippage}
              onChange={(event) => setSlippage(event.target.value)}
              error={slippageBps.ok ? undefined : slippageBps.error}
            />
            <div className="space-y-2 pt-6 text-sm">
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={unwrapWeth} onChange={(e) => setUnwrapWeth(e.target.checked)} />
                Receive ETH instead of WETH for refunds
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={useApprovals} onChange={(e) => setUseApprovals(e.target.checked)} />
                Approve with transactions instead of signing (smart-contract wallets)
              </label>
            </div>
          </div>
          {simulation.isFetching && !simulation.data ? <p className="text-sm">Simulating the migration…</p> : null}
          {simulationError ? <Alert tone="error">{simulationError}</Alert> : null}
          {market.error ? (
            <Alert tone="error">Could not read gas fees and prices: {describeWalletError(market.error)}</Alert>
          ) : null}
          {gas && !simulationError ? (
            <p className="text-sm" data-testid="gas-estimate">
              Gas: {simulation.data?.gasUsed.toLocaleString("en-US")} units · up to{" "}
              {(Number(gas.wei) / 1e18).toPrecision(3)} ETH ({formatUsd(gas.usd)}) · {(gas.share * 100).toFixed(2)}% of
              the {formatUsd(valueMovedUsd)} moved
            </p>
          ) : null}
          {lacksGasMoney ? <Alert tone="error">{NOT_ENOUGH_ETH}</Alert> : null}
          {gas?.expensive ? (
            <Alert tone="info">Gas would cost more than 10% of the value moved: consider moving more at once.</Alert>
          ) : null}
          <SignAndMigrate
            owner={owner}
            migrator={deployment.migrator}
            batch={ready.map(({ plan }, i) => ({
              pair: chosen[i]?.pair as Address,
              name: chosen[i] ? positionName(chosen[i]) : "",
              params: plan.params,
            }))}
            unwrapWeth={unwrapWeth}
            useApprovals={useApprovals}
            disabled={!sendable || lacksGasMoney || !simulation.isSuccess || simulation.isPlaceholderData}
            onDone={setResult}
          />
        </Card>
      ) : null}
    </div>
  );
}
