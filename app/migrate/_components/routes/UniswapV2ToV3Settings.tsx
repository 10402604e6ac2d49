"use client";

import type { Address } from "viem";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { useV2Positions } from "@/hooks/useV2Positions";
import { useV3FeeTiers } from "@/hooks/useV3FeeTiers";
import { useV3Positions } from "@/hooks/useV3Positions";
import { describeWalletError } from "@/lib/chain/walletErrors";
import { previewSlippageBps } from "@/lib/inputs";
import { legOf, type Planned } from "@/lib/routes/types";
import { uniswapV2ToV3 } from "@/lib/routes/uniswapV2ToV3";
import { DEFAULT_DRAFT, destinationsFor, type PositionDraft, type ReadyPlan } from "@/lib/routes/uniswapV2ToV3/draft";
import { positionName } from "@/lib/routes/uniswapV2ToV3/names";
import type { V3FeeTierPool } from "@/lib/uniswap/v2ToV3Plan";
import { deepestFeeTier } from "@/lib/uniswap/v3/pool";
import { useKeptState } from "../keptInputs";
import { PositionList } from "../PositionList";
import { PositionPreview } from "../PositionPreview";
import { PositionSettings } from "../PositionSettings";
import type { RouteContext, RouteSettings } from "./types";

/** The account's Uniswap V2 positions: pick some, set each one's share, fee tier, range or held destination. */
export function useUniswapV2ToV3Settings({ owner, chainId, migrator, slippageBps }: RouteContext): RouteSettings {
  const positions = useV2Positions(owner);
  const [selected, setSelected] = useKeptState<Set<Address>>("uniswapV2ToV3.selected", new Set());
  const [drafts, setDrafts] = useKeptState<Record<Address, PositionDraft>>("uniswapV2ToV3.drafts", {});
  const chosen = (positions.data ?? []).filter((position) => selected.has(position.pair));
  // Read once per account, apart from the preview: a preview update costs no request for it.
  const held = useV3Positions(owner).data ?? [];
  const tierReads = useV3FeeTiers(chosen);
  const tiersOf = (i: number): V3FeeTierPool[] | undefined => tierReads[i]?.data;
  // Untouched, a position goes to its pair's deepest existing pool, not into a tier where no one trades.
  const draftOf = (pair: Address, tiers: V3FeeTierPool[] | undefined) =>
    drafts[pair] ?? (tiers ? { ...DEFAULT_DRAFT, fee: deepestFeeTier(tiers) } : DEFAULT_DRAFT);

  const plans: (Planned<ReadyPlan> | undefined)[] = chosen.map((position, i) => {
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

  const toggle = (pair: Address) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(pair)) next.add(pair);
      return next;
    });

  return {
    tokens: (positions.data ?? []).flatMap((position) => [position.token0.address, position.token1.address]),
    opensBatch: chosen.length > 0,
    legs: ready.map((plan) => legOf(uniswapV2ToV3, plan, migrator)),
    complete: ready.length === chosen.length,
    sendable: slippageBps.ok && ready.every((plan) => plan.sendable),
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
          {chosen.map((position, i) => {
            const planned = plans[i];
            const tiers = tiersOf(i);
            const draft = draftOf(position.pair, tiers);
            const setDraft = (next: PositionDraft) => setDrafts((current) => ({ ...current, [position.pair]: next }));
            return (
              <Card key={position.pair} title={`Move ${positionName(position)}`}>
                <PositionSettings
                  position={position}
                  draft={draft}
                  tiers={tiers}
                  prices={market.data?.prices}
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
                    prices={market.data?.prices}
                    simulated={
                      simulation.data?.migrations.find(
                        ({ source }) => source.toLowerCase() === position.pair.toLowerCase(),
                      )?.migration
                    }
                    deviationConfirmed={draft.deviationConfirmed}
                    onConfirmDeviation={(confirmed) => setDraft({ ...draft, deviationConfirmed: confirmed })}
                  />
                ) : null}
              </Card>
            );
          })}
        </>
      );
    },
  };
}
