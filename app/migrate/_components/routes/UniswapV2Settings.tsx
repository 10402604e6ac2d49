"use client";

import type { Address } from "viem";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { useV2Positions } from "@/hooks/useV2Positions";
import { useV3FeeTiers } from "@/hooks/useV3FeeTiers";
import { useV3Positions } from "@/hooks/useV3Positions";
import { useV4Positions } from "@/hooks/useV4Positions";
import { addressesFor } from "@/lib/chain/addresses";
import { describeWalletError } from "@/lib/chain/walletErrors";
import { previewSlippageBps } from "@/lib/inputs";
import type { LiquidityMigration } from "@/lib/migrator/simulate";
import { legOf, type Planned } from "@/lib/routes/types";
import { uniswapV2ToV3 } from "@/lib/routes/uniswapV2ToV3";
import { DEFAULT_DRAFT, destinationsFor, type PositionDraft, type ReadyPlan } from "@/lib/routes/uniswapV2ToV3/draft";
import { positionName } from "@/lib/routes/uniswapV2ToV3/names";
import { uniswapV2ToV4 } from "@/lib/routes/uniswapV2ToV4";
import { DEFAULT_V2_TO_V4_DRAFT, type V2ToV4Draft } from "@/lib/routes/uniswapV2ToV4/draft";
import type { V2Position } from "@/lib/uniswap/v2/positions";
import type { V3FeeTierPool } from "@/lib/uniswap/v2ToV3Plan";
import { deepestFeeTier } from "@/lib/uniswap/v3/pool";
import { ChoiceChips } from "../ChoiceChips";
import { useKeptState } from "../keptInputs";
import { PositionList } from "../PositionList";
import { PositionPreview } from "../PositionPreview";
import { PositionSettings } from "../PositionSettings";
import type { RouteContext, RouteSettings } from "./types";
import { UniswapV2ToV4Card, useUniswapV2ToV4Plans } from "./UniswapV2ToV4Settings";

/** Where a V2 position goes: Uniswap V3 (the default, as before V4) or V4. */
type Version = "v3" | "v4";
const VERSIONS = [
  { id: "v3", label: "Uniswap V3" },
  { id: "v4", label: "Uniswap V4" },
] as const satisfies readonly { id: Version; label: string }[];

/**
 * The account's Uniswap V2 positions: pick some, send each to V3 or V4, and set its share, pool, range or held
 * destination. Plans the legs of both routes, UniswapV2ToV3 and UniswapV2ToV4 (the registry lists it under each).
 */
export function useUniswapV2Settings({ owner, chainId, migrator, slippageBps }: RouteContext): RouteSettings {
  const positions = useV2Positions(owner);
  const [selected, setSelected] = useKeptState<Set<Address>>("uniswapV2ToV3.selected", new Set());
  const [drafts, setDrafts] = useKeptState<Record<Address, PositionDraft>>("uniswapV2ToV3.drafts", {});
  const [versions, setVersions] = useKeptState<Record<Address, Version>>("uniswapV2.versions", {});
  const [v4Drafts, setV4Drafts] = useKeptState<Record<Address, V2ToV4Draft>>("uniswapV2ToV4.drafts", {});
  const versionOf = (pair: Address): Version => versions[pair] ?? "v3";
  const chosen = (positions.data ?? []).filter((position) => selected.has(position.pair));
  const toV3 = chosen.filter((position) => versionOf(position.pair) === "v3");
  const toV4 = chosen.filter((position) => versionOf(position.pair) === "v4");
  // Read once per account, apart from the preview: a preview update costs no request for it.
  const held = useV3Positions(owner).data ?? [];
  const tierReads = useV3FeeTiers(toV3);
  const tiersOf = (i: number): V3FeeTierPool[] | undefined => tierReads[i]?.data;
  // Untouched, a position goes to its pair's deepest existing pool, not into a tier where no one trades.
  const draftOf = (pair: Address, tiers: V3FeeTierPool[] | undefined) =>
    drafts[pair] ?? (tiers ? { ...DEFAULT_DRAFT, fee: deepestFeeTier(tiers) } : DEFAULT_DRAFT);
  const v4DraftOf = (pair: Address) => v4Drafts[pair] ?? DEFAULT_V2_TO_V4_DRAFT;
  const weth = addressesFor(chainId).tokens.WETH;
  // Read only once a position goes to V4: the account's V4 positions are destinations, not sources.
  const heldV4 = useV4Positions(toV4.length > 0 ? owner : undefined);
  const v4States = useUniswapV2ToV4Plans(toV4, v4DraftOf, weth, previewSlippageBps(slippageBps), heldV4.positions);

  const plans: (Planned<ReadyPlan> | undefined)[] = toV3.map((position, i) => {
    const tiers = tiersOf(i);
    const draft = draftOf(position.pair, tiers);
    const pool = tiers?.find((tier) => tier.fee === draft.fee);
    if (!pool) return undefined;
    return uniswapV2ToV3.plan({
      position,
      draft,
      pool,
      held,
      slippageBps: previewSlippageBps(slippageBps),
      chainId,
    });
  });
  const ready = plans.flatMap((planned) => (planned?.ok ? [planned.plan] : []));
  const readyV4 = v4States.flatMap(({ planned }) => (planned?.ok ? [planned.plan] : []));

  // A position moving between versions keeps the share the user typed (a V3 draft not made yet is left to default
  // to the deepest fee tier).
  const setVersion = (pair: Address, version: Version) => {
    const v3Percentage = drafts[pair]?.percentage;
    const v4Percentage = v4Drafts[pair]?.percentage;
    if (version === "v4" && v3Percentage !== undefined) {
      setV4Drafts((current) => ({ ...current, [pair]: { ...v4DraftOf(pair), percentage: v3Percentage } }));
    }
    if (version === "v3" && v4Percentage !== undefined) {
      setDrafts((current) => {
        const draft = current[pair];
        return draft ? { ...current, [pair]: { ...draft, percentage: v4Percentage } } : current;
      });
    }
    setVersions((current) => ({ ...current, [pair]: version }));
  };

  const toggle = (pair: Address) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(pair)) next.add(pair);
      return next;
    });

  const v3Settings = (
    position: V2Position,
    i: number,
    simulated: LiquidityMigration | undefined,
    prices: ReadonlyMap<string, bigint> | undefined,
  ) => {
    const planned = plans[i];
    const tiers = tiersOf(i);
    const draft = draftOf(position.pair, tiers);
    const setDraft = (next: PositionDraft) => setDrafts((current) => ({ ...current, [position.pair]: next }));
    return (
      <>
        <PositionSettings
          position={position}
          draft={draft}
          tiers={tiers}
          prices={prices}
          destinations={destinationsFor(position, draft.fee, held)}
          onChange={setDraft}
          disabled={false}
        />
        {planned === undefined ? <p className="text-sm text-muted">Reading the V3 pool…</p> : null}
        {planned?.ok === false ? <Alert tone="error">{planned.error}</Alert> : null}
        {planned?.ok ? (
          <PositionPreview
            position={position}
            ready={planned.plan}
            tiers={tiers ?? []}
            prices={prices}
            simulated={simulated}
            deviationConfirmed={draft.deviationConfirmed}
            onConfirmDeviation={(confirmed) => setDraft({ ...draft, deviationConfirmed: confirmed })}
          />
        ) : null}
      </>
    );
  };
  const v4Settings = (
    position: V2Position,
    i: number,
    simulated: LiquidityMigration | undefined,
    prices: ReadonlyMap<string, bigint> | undefined,
  ) => {
    const state = v4States[i];
    if (!state) return null;
    return (
      <UniswapV2ToV4Card
        state={state}
        draft={v4DraftOf(position.pair)}
        onChange={(next) => setV4Drafts((current) => ({ ...current, [position.pair]: next }))}
        weth={weth}
        held={heldV4}
        prices={prices}
        simulated={simulated}
      />
    );
  };

  return {
    tokens: (positions.data ?? []).flatMap((position) => [position.token0.address, position.token1.address]),
    opensBatch: chosen.length > 0,
    legs: [
      ...ready.map((plan) => legOf(uniswapV2ToV3, plan, migrator)),
      ...readyV4.map((plan) => legOf(uniswapV2ToV4, plan, migrator)),
    ],
    complete: ready.length + readyV4.length === chosen.length,
    sendable: slippageBps.ok && [...ready, ...readyV4].every((plan) => plan.sendable),
    render: ({ market, simulation }) => {
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
      if (positions.data.length === 0) {
        return (
          <Card title="No Uniswap V2 liquidity">
            <p>
              This account holds no Uniswap V2 liquidity in the pairs Ferry supports. Connect another account, or add
              liquidity on the old version first.
            </p>
          </Card>
        );
      }
      return (
        <>
          <PositionList
            positions={positions.data}
            prices={market.data?.prices}
            selected={selected}
            onToggle={toggle}
            disabled={false}
          />
          {chosen.map((position) => {
            const version = versionOf(position.pair);
            const simulated = simulation.data?.migrations.find(
              ({ source }) => source.toLowerCase() === position.pair.toLowerCase(),
            )?.migration;
            return (
              <Card key={position.pair} title={`Move ${positionName(position)}`}>
                <div className="space-y-1">
                  <span className="text-sm font-medium" aria-hidden>
                    Destination version
                  </span>
                  <ChoiceChips
                    label={`Destination version for ${positionName(position)}`}
                    name={`version-${position.pair}`}
                    choices={VERSIONS}
                    checked={version}
                    onChange={(next) => setVersion(position.pair, next)}
                  />
                </div>
                {version === "v3"
                  ? v3Settings(position, toV3.indexOf(position), simulated, market.data?.prices)
                  : v4Settings(position, toV4.indexOf(position), simulated, market.data?.prices)}
              </Card>
            );
          })}
        </>
      );
    },
  };
}
