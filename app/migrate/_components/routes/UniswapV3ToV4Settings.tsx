"use client";

import type { Address } from "viem";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { useV3SourcePositions } from "@/hooks/useV3SourcePositions";
import { useV4Pools } from "@/hooks/useV4Pools";
import { type HeldV4Positions, useV4Positions } from "@/hooks/useV4Positions";
import { addressesFor } from "@/lib/chain/addresses";
import { describeWalletError } from "@/lib/chain/walletErrors";
import { previewSlippageBps } from "@/lib/inputs";
import { legOf, type Planned } from "@/lib/routes/types";
import { uniswapV3ToV4, v3PositionLabel } from "@/lib/routes/uniswapV3ToV4";
import { DEFAULT_V3_TO_V4_DRAFT, type UniswapV3ToV4Plan, type V3ToV4Draft } from "@/lib/routes/uniswapV3ToV4/draft";
import { priceFromSqrtPriceX96 } from "@/lib/uniswap/v3/poolMath";
import type { V3SourcePosition } from "@/lib/uniswap/v3/sourcePositions";
import { chosenPool } from "@/lib/uniswap/v4/destination";
import { poolCurrencies, sqrtPriceInPoolOrder } from "@/lib/uniswap/v4/poolKey";
import { poolExists, type V4PoolState } from "@/lib/uniswap/v4/pools";
import { ChoiceChips } from "../ChoiceChips";
import { useKeptState } from "../keptInputs";
import { ShareField } from "../ShareField";
import { V3PositionList } from "../V3PositionList";
import { V3ToV4Preview } from "../V3ToV4Preview";
import type { RouteContext, RouteSettings } from "./types";
import { V4DestinationPicker } from "./v4/V4DestinationPicker";

/** The account's Uniswap V3 positions: pick some, set each one's share, its fees and its V4 destination. */
export function useUniswapV3ToV4Settings({ owner, chainId, migrator, slippageBps }: RouteContext): RouteSettings {
  const positions = useV3SourcePositions(owner);
  const [selected, setSelected] = useKeptState<Set<string>>("uniswapV3ToV4.selected", new Set());
  const [drafts, setDrafts] = useKeptState<Record<string, V3ToV4Draft>>("uniswapV3ToV4.drafts", {});
  const weth = addressesFor(chainId).tokens.WETH;
  const chosen = (positions.data ?? []).filter((position) => selected.has(position.tokenId.toString()));
  const draftOf = (position: V3SourcePosition) => drafts[position.tokenId.toString()] ?? DEFAULT_V3_TO_V4_DRAFT;
  const currenciesOf = (position: V3SourcePosition) =>
    poolCurrencies(position.token0, position.token1, weth, draftOf(position).destination.native);
  // Read once per position and currency choice, apart from the preview.
  const poolReads = useV4Pools(chosen.map(currenciesOf));
  const candidatesOf = (i: number): V4PoolState[] | undefined => poolReads[i]?.data;
  // Read only once a position is chosen: the account's V4 positions are destinations, not sources.
  const held = useV4Positions(chosen.length > 0 ? owner : undefined);

  const plans: (Planned<UniswapV3ToV4Plan> | undefined)[] = chosen.map((position, i) => {
    const candidates = candidatesOf(i);
    if (!candidates) return undefined;
    return uniswapV3ToV4.plan({
      position,
      draft: draftOf(position),
      candidates,
      weth,
      slippageBps: previewSlippageBps(slippageBps),
      held: held.positions,
    });
  });
  const ready = plans.flatMap((planned) => (planned?.ok ? [planned.plan] : []));

  const toggle = (tokenId: bigint) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(tokenId.toString())) next.add(tokenId.toString());
      return next;
    });

  return {
    tokens: (positions.data ?? []).flatMap((position) => [position.token0.address, position.token1.address]),
    opensBatch: chosen.length > 0,
    legs: ready.map((plan) => legOf(uniswapV3ToV4, plan, migrator)),
    complete: ready.length === chosen.length,
    sendable: slippageBps.ok && ready.every((plan) => plan.sendable),
    render: ({ market, simulation }) => {
      if (positions.isPending) return <Card>Looking for your V3 positions…</Card>;
      if (positions.isError) {
        return (
          <Card title="Could not read your V3 positions">
            <Alert tone="error">{describeWalletError(positions.error)}</Alert>
            <Button variant="secondary" onClick={() => positions.refetch()}>
              Try again
            </Button>
          </Card>
        );
      }
      // An account without V3 positions sees nothing of this route: most accounts come for V2 or Aave.
      if (positions.data.length === 0) return null;
      return (
        <>
          <V3PositionList
            positions={positions.data}
            prices={market.data?.prices}
            selected={selected}
            onToggle={toggle}
          />
          {chosen.map((position, i) => {
            const planned = plans[i];
            const draft = draftOf(position);
            const setDraft = (next: V3ToV4Draft) =>
              setDrafts((current) => ({ ...current, [position.tokenId.toString()]: next }));
            return (
              <Card key={position.tokenId} title={`Move ${v3PositionLabel(position)} to Uniswap V4`}>
                <V3ToV4Fields
                  position={position}
                  draft={draft}
                  candidates={candidatesOf(i)}
                  weth={weth}
                  held={held}
                  prices={market.data?.prices}
                  onChange={setDraft}
                />
                {planned === undefined ? <p className="text-sm text-muted">Reading the V4 pools…</p> : null}
                {planned?.ok === false ? <Alert tone="error">{planned.error}</Alert> : null}
                {planned?.ok ? (
                  <V3ToV4Preview
                    ready={planned.plan}
                    simulated={
                      simulation.data?.migrations.find(
                        ({ source, migration }) =>
                          source.toLowerCase() === position.positionManager.toLowerCase() &&
                          migration.sourceId === position.tokenId,
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

/** Share, fees, and the V4 destination (ETH or WETH, pool, range) of one V3 position, edited as typed. */
function V3ToV4Fields({
  position,
  draft,
  candidates,
  weth,
  held,
  prices,
  onChange,
}: {
  position: V3SourcePosition;
  draft: V3ToV4Draft;
  /** The V4 pools of the chosen currencies, once read. */
  candidates: V4PoolState[] | undefined;
  weth: Address;
  held: HeldV4Positions;
  prices: ReadonlyMap<string, bigint> | undefined;
  onChange: (draft: V3ToV4Draft) => void;
}) {
  const id = position.tokenId.toString();
  const name = `position #${id}`;
  const currencies = poolCurrencies(position.token0, position.token1, weth, draft.destination.native);
  const pool = candidates ? chosenPool(draft.destination, candidates, currencies) : undefined;
  // Deposits happen at the pool's price, or at the V3 price in a pool the route creates.
  const sqrtPriceX96 =
    pool && poolExists(pool) ? pool.sqrtPriceX96 : sqrtPriceInPoolOrder(position.sqrtPriceX96, currencies.flipped);
  return (
    <fieldset className="space-y-4">
      <legend className="sr-only">Settings for {name}</legend>
      <ShareField name={name} value={draft.percentage} onChange={(percentage) => onChange({ ...draft, percentage })} />
      <ChoiceChips
        label={`Uncollected fees of ${name}`}
        name={`fees-${id}`}
        choices={[
          { id: "deposit", label: "Deposit the fees into V4" },
          { id: "refund", label: "Send the fees to me" },
        ]}
        checked={draft.depositFees ? "deposit" : "refund"}
        onChange={(choice) => onChange({ ...draft, depositFees: choice === "deposit" })}
      />
      <V4DestinationPicker
        id={`v3-${id}`}
        name={name}
        draft={draft.destination}
        onChange={(destination) => onChange({ ...draft, destination, deviationConfirmed: false })}
        currencies={currencies}
        hasWeth={[position.token0, position.token1].some(({ address }) => address.toLowerCase() === weth.toLowerCase())}
        candidates={candidates}
        price={priceFromSqrtPriceX96(sqrtPriceX96, currencies.currency0.decimals, currencies.currency1.decimals)}
        sourceVersion="V3"
        prices={prices}
        weth={weth}
        held={held}
        keptRange={{
          kept: draft.keepV3Range,
          onChange: (kept) => onChange({ ...draft, keepV3Range: kept, deviationConfirmed: false }),
        }}
      />
    </fieldset>
  );
}
