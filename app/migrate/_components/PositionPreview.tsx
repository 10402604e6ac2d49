import { Alert } from "@/components/Alert";
import { tokensUsd } from "@/lib/aave/v3/usdPrices";
import { formatAmount, formatPrice, formatUsd } from "@/lib/format";
import type { LiquidityMigration } from "@/lib/migrator/simulate";
import type { ReadyPlan } from "@/lib/routes/uniswapV2ToV3/draft";
import { existingTiers, feeLabel } from "@/lib/routes/uniswapV2ToV3/feeTiers";
import { positionName } from "@/lib/routes/uniswapV2ToV3/names";
import { pairKind } from "@/lib/uniswap/pairKind";
import type { V2Position } from "@/lib/uniswap/v2/positions";
import type { V3FeeTierPool } from "@/lib/uniswap/v2ToV3Plan";
import { priceFromSqrtPriceX96 } from "@/lib/uniswap/v3/poolMath";
import { DestinationRisks } from "./DestinationRisks";

/** What moves for one position: from the simulation when it has run, the plan's figures otherwise. */
export function PositionPreview({
  position,
  ready,
  tiers,
  prices,
  simulated,
  onConfirmDeviation,
  deviationConfirmed,
}: {
  position: V2Position;
  ready: ReadyPlan;
  /** The pair's pool in each fee tier: what to suggest when the chosen one does not exist. */
  tiers: V3FeeTierPool[];
  /** USD quotes (8 decimals) by lowercase address, to value the refund. */
  prices: ReadonlyMap<string, bigint> | undefined;
  simulated: LiquidityMigration | undefined;
  deviationConfirmed: boolean;
  onConfirmDeviation: (confirmed: boolean) => void;
}) {
  const { plan, range, guard } = ready;
  const { token0, token1 } = position;
  const unit = `${token1.symbol} per ${token0.symbol}`;
  const amount = (value: bigint, token: typeof token0) => `${formatAmount(value, token.decimals)} ${token.symbol}`;
  const withdrawn0 = simulated?.amount0Withdrawn ?? plan.withdrawn.amount0;
  const withdrawn1 = simulated?.amount1Withdrawn ?? plan.withdrawn.amount1;
  const deposited0 = simulated?.amount0Deposited ?? plan.deposit.amount0;
  const deposited1 = simulated?.amount1Deposited ?? plan.deposit.amount1;
  const refundUsd = tokensUsd(
    [
      [withdrawn0 - deposited0, token0],
      [withdrawn1 - deposited1, token1],
    ],
    prices,
  );
  const v2Price = priceFromSqrtPriceX96(plan.v2SqrtPriceX96, token0.decimals, token1.decimals);
  const deviation = `${(plan.deviation * 100).toFixed(2)}%`;

  return (
    <div className="space-y-4">
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" aria-label={`Preview of ${positionName(position)}`}>
        <dt className="text-muted">Destination</dt>
        <dd>
          {ready.destination
            ? `Your Uniswap V3 position #${ready.destination.tokenId}, in its range`
            : "A new Uniswap V3 position"}
        </dd>
        <dt className="text-muted">Out of V2</dt>
        <dd>
          {amount(withdrawn0, token0)} + {amount(withdrawn1, token1)}
        </dd>
        <dt className="text-muted">Into V3</dt>
        <dd>
          {amount(deposited0, token0)} + {amount(deposited1, token1)}
        </dd>
        <dt className="text-muted">Refunded to you</dt>
        <dd data-testid="refund">
          {amount(withdrawn0 - deposited0, token0)} + {amount(withdrawn1 - deposited1, token1)}
          {refundUsd === undefined ? null : ` (${formatUsd(refundUsd)})`}
        </dd>
        <dt className="text-muted">Minimum into V3</dt>
        <dd>
          {amount(plan.params.amount0MinDeposited, token0)} + {amount(plan.params.amount1MinDeposited, token1)}
        </dd>
        <dt className="text-muted">V2 price</dt>
        <dd>
          {formatPrice(v2Price)} {unit}
        </dd>
        <dt className="text-muted">V3 pool price</dt>
        <dd>
          {plan.poolExists
            ? `${formatPrice(ready.price)} ${unit} (${deviation} from V2)`
            : "No pool yet: Ferry would create it at the V2 price"}
        </dd>
        {range.priceLower !== undefined && range.priceUpper !== undefined ? (
          <>
            <dt className="text-muted">Range</dt>
            <dd>
              {formatPrice(range.priceLower)} – {formatPrice(range.priceUpper)} {unit}
            </dd>
          </>
        ) : null}
      </dl>

      {plan.poolExists ? null : <NewPoolWarning position={position} fee={ready.plan.params.fee} tiers={tiers} />}
      <DestinationRisks
        range={range}
        price={ready.price}
        deviation={plan.deviation}
        guard={guard}
        from="V2"
        to="V3"
        deviationConfirmed={deviationConfirmed}
        onConfirmDeviation={onConfirmDeviation}
        pairName={positionName(position)}
        unit={unit}
        kind={pairKind(token0.symbol, token1.symbol)}
      />
    </div>
  );
}

/** Before a migration creates a pool: what it costs, why it earns nothing at first, and where pools already exist. */
function NewPoolWarning({ position, fee, tiers }: { position: V2Position; fee: number; tiers: V3FeeTierPool[] }) {
  const existing = existingTiers(tiers);
  return (
    <Alert tone="error">
      No one has opened a Uniswap V3 pool for {positionName(position)} at {feeLabel(fee)} yet. Migrating here creates
      it: you pay to deploy the pool (in the gas below, several times a usual migration), and your position is the only
      liquidity in it, so it earns no fees until traders and other providers come.
      {existing.length > 0
        ? ` Pools already trade at ${existing.join(", ")}: pick one of those to earn fees from their trades.`
        : null}
    </Alert>
  );
}
