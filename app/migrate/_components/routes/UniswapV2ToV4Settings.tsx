"use client";

import type { Address } from "viem";
import { Alert } from "@/components/Alert";
import { useV4Pools } from "@/hooks/useV4Pools";
import type { HeldV4Positions } from "@/hooks/useV4Positions";
import { tokensUsd } from "@/lib/aave/v3/usdPrices";
import { formatAmount, formatPrice, formatUsd } from "@/lib/format";
import type { LiquidityMigration } from "@/lib/migrator/simulate";
import type { Planned } from "@/lib/routes/types";
import { positionName } from "@/lib/routes/uniswapV2ToV3/names";
import { uniswapV2ToV4 } from "@/lib/routes/uniswapV2ToV4";
import type { V2ToV4Draft, V2ToV4Plan } from "@/lib/routes/uniswapV2ToV4/draft";
import { pairKind } from "@/lib/uniswap/pairKind";
import type { TokenInfo, V2Position } from "@/lib/uniswap/v2/positions";
import { priceFromSqrtPriceX96, sqrtPriceX96FromReserves } from "@/lib/uniswap/v3/poolMath";
import { chosenPool } from "@/lib/uniswap/v4/destination";
import { inPoolOrder, poolCurrencies, sqrtPriceInPoolOrder } from "@/lib/uniswap/v4/poolKey";
import { v4DestinationLine, withNativeEth } from "@/lib/uniswap/v4/poolLabels";
import { poolExists } from "@/lib/uniswap/v4/pools";
import type { HeldV4Position } from "@/lib/uniswap/v4/positions";
import { DestinationRisks } from "../DestinationRisks";
import { ShareField } from "../ShareField";
import { V4DestinationPicker } from "./v4/V4DestinationPicker";

/** Each V2 position going to V4: the pools read for its draft's currencies, and its plan once they are read. */
export function useUniswapV2ToV4Plans(
  positions: readonly V2Position[],
  draftOf: (pair: Address) => V2ToV4Draft,
  weth: Address,
  slippageBps: number,
  held: readonly HeldV4Position[],
) {
  const currencies = positions.map((position) =>
    poolCurrencies(position.token0, position.token1, weth, draftOf(position.pair).destination.native),
  );
  const reads = useV4Pools(currencies);
  return positions.map((position, i) => {
    const candidates = reads[i]?.data;
    const planned: Planned<V2ToV4Plan> | undefined = candidates
      ? uniswapV2ToV4.plan({ position, draft: draftOf(position.pair), candidates, weth, slippageBps, held })
      : undefined;
    return { position, currencies: currencies[i] as (typeof currencies)[number], candidates, planned };
  });
}

type V2ToV4State = ReturnType<typeof useUniswapV2ToV4Plans>[number];

/** A V2 position's V4 settings (share, pool, new or held position, range) and its preview. */
export function UniswapV2ToV4Card({
  state,
  draft,
  onChange,
  weth,
  held,
  prices,
  simulated,
}: {
  state: V2ToV4State;
  held: HeldV4Positions;
  draft: V2ToV4Draft;
  onChange: (draft: V2ToV4Draft) => void;
  weth: Address;
  prices: ReadonlyMap<string, bigint> | undefined;
  simulated: LiquidityMigration | undefined;
}) {
  const { position, currencies, candidates, planned } = state;
  const name = positionName(position);
  const hasWeth = [position.token0, position.token1].some(
    (token) => token.address.toLowerCase() === weth.toLowerCase(),
  );
  // The presets are sized around the price the deposit happens at, even while the plan has an error to show.
  const pool = candidates ? chosenPool(draft.destination, candidates, currencies) : undefined;
  const v2SqrtPriceX96 = sqrtPriceInPoolOrder(
    sqrtPriceX96FromReserves(position.reserve0, position.reserve1),
    currencies.flipped,
  );
  const price = priceFromSqrtPriceX96(
    pool && poolExists(pool) ? pool.sqrtPriceX96 : v2SqrtPriceX96,
    currencies.currency0.decimals,
    currencies.currency1.decimals,
  );
  return (
    <div className="space-y-4">
      <fieldset className="space-y-4">
        <legend className="sr-only">V4 settings for {name}</legend>
        <ShareField
          name={name}
          value={draft.percentage}
          onChange={(percentage) => onChange({ ...draft, percentage })}
        />
        <V4DestinationPicker
          id={position.pair}
          name={name}
          draft={draft.destination}
          onChange={(destination) => onChange({ ...draft, destination, deviationConfirmed: false })}
          currencies={currencies}
          hasWeth={hasWeth}
          candidates={candidates}
          price={price}
          sourceVersion="V2"
          prices={prices}
          weth={weth}
          held={held}
        />
      </fieldset>
      {planned === undefined ? <p className="text-sm text-muted">Reading the V4 pools…</p> : null}
      {planned?.ok === false ? <Alert tone="error">{planned.error}</Alert> : null}
      {planned?.ok ? (
        <UniswapV2ToV4Preview
          ready={planned.plan}
          prices={prices}
          weth={weth}
          simulated={simulated}
          deviationConfirmed={draft.deviationConfirmed}
          onConfirmDeviation={(confirmed) => onChange({ ...draft, deviationConfirmed: confirmed })}
        />
      ) : null}
    </div>
  );
}

/** What moves for one V2 position into V4: from the simulation when it has run, the plan's figures otherwise. */
function UniswapV2ToV4Preview({
  ready,
  prices,
  weth,
  simulated,
  deviationConfirmed,
  onConfirmDeviation,
}: {
  ready: V2ToV4Plan;
  prices: ReadonlyMap<string, bigint> | undefined;
  weth: Address;
  simulated: LiquidityMigration | undefined;
  deviationConfirmed: boolean;
  onConfirmDeviation: (confirmed: boolean) => void;
}) {
  const { position, v4, withdrawn, guard } = ready;
  const { currency0, currency1 } = v4.currencies;
  const unit = `${currency1.symbol} per ${currency0.symbol}`;
  const amount = (value: bigint, token: TokenInfo) => `${formatAmount(value, token.decimals)} ${token.symbol}`;
  const deposited0 = simulated?.amount0Deposited ?? v4.deposit.amount0;
  const deposited1 = simulated?.amount1Deposited ?? v4.deposit.amount1;
  const refunded0 = simulated?.amount0Refunded ?? v4.refund.amount0;
  const refunded1 = simulated?.amount1Refunded ?? v4.refund.amount1;
  const refundUsd = tokensUsd(
    [
      [refunded0, currency0],
      [refunded1, currency1],
    ],
    withNativeEth(prices, weth),
  );
  // The simulation reports in the pool's order: back to the pair's.
  const [withdrawn0, withdrawn1] = simulated
    ? inPoolOrder(v4.currencies.flipped, simulated.amount0Withdrawn, simulated.amount1Withdrawn)
    : [withdrawn.amount0, withdrawn.amount1];
  const v2Price = priceFromSqrtPriceX96(v4.sourceSqrtPriceX96, currency0.decimals, currency1.decimals);
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" aria-label={`Preview of ${positionName(position)}`}>
        <dt className="text-muted">Destination</dt>
        <dd>{v4DestinationLine(v4)}</dd>
        <dt className="text-muted">Out of V2</dt>
        <dd>
          {amount(withdrawn0, position.token0)} + {amount(withdrawn1, position.token1)}
        </dd>
        <dt className="text-muted">Into V4</dt>
        <dd>
          {amount(deposited0, currency0)} + {amount(deposited1, currency1)}
        </dd>
        <dt className="text-muted">Refunded to you</dt>
        <dd data-testid="refund">
          {amount(refunded0, currency0)} + {amount(refunded1, currency1)}
          {refundUsd === undefined ? null : ` (${formatUsd(refundUsd)})`}
        </dd>
        <dt className="text-muted">Minimum into V4</dt>
        <dd>
          {amount(v4.destination.amount0MinDeposited, currency0)} +{" "}
          {amount(v4.destination.amount1MinDeposited, currency1)}
        </dd>
        <dt className="text-muted">V2 price</dt>
        <dd>
          {formatPrice(v2Price)} {unit}
        </dd>
        <dt className="text-muted">V4 pool price</dt>
        <dd>
          {v4.poolExists
            ? `${formatPrice(v4.price)} ${unit} (${(v4.deviation * 100).toFixed(2)}% from V2)`
            : "No pool yet: Ferry would create it at the V2 price"}
        </dd>
        {v4.range.priceLower !== undefined && v4.range.priceUpper !== undefined ? (
          <>
            <dt className="text-muted">Range</dt>
            <dd>
              {formatPrice(v4.range.priceLower)} – {formatPrice(v4.range.priceUpper)} {unit}
            </dd>
          </>
        ) : null}
      </dl>
      <DestinationRisks
        range={v4.range}
        price={v4.price}
        deviation={v4.deviation}
        guard={guard}
        from="V2"
        to="V4"
        deviationConfirmed={deviationConfirmed}
        onConfirmDeviation={onConfirmDeviation}
        pairName={`${currency0.symbol} / ${currency1.symbol}`}
        unit={unit}
        kind={pairKind(currency0.symbol, currency1.symbol)}
      />
    </div>
  );
}
