import { formatAmount, formatPrice } from "@/lib/format";
import type { LiquidityMigration } from "@/lib/migrator/simulate";
import type { UniswapV3ToV4Plan } from "@/lib/routes/uniswapV3ToV4/draft";
import { pairKind } from "@/lib/uniswap/pairKind";
import type { TokenInfo } from "@/lib/uniswap/v2/positions";
import { priceFromSqrtPriceX96 } from "@/lib/uniswap/v3/poolMath";
import { v4PoolName } from "@/lib/uniswap/v4/poolKey";
import { v4DestinationLine } from "@/lib/uniswap/v4/poolLabels";
import { DestinationRisks } from "./DestinationRisks";

const amount = (value: bigint, token: TokenInfo) => `${formatAmount(value, token.decimals)} ${token.symbol}`;
const pair = (amount0: bigint, amount1: bigint, token0: TokenInfo, token1: TokenInfo) =>
  `${amount(amount0, token0)} + ${amount(amount1, token1)}`;

/** What moves for one V3 position: from the simulation when it has run, the plan's figures otherwise. */
export function V3ToV4Preview({
  ready,
  simulated,
  deviationConfirmed,
  onConfirmDeviation,
}: {
  ready: UniswapV3ToV4Plan;
  simulated: LiquidityMigration | undefined;
  deviationConfirmed: boolean;
  onConfirmDeviation: (confirmed: boolean) => void;
}) {
  const { position, withdrawal, destination, guard } = ready;
  const { token0, token1 } = position;
  const { currency0, currency1 } = destination.currencies;
  const deposited0 = simulated?.amount0Deposited ?? destination.deposit.amount0;
  const deposited1 = simulated?.amount1Deposited ?? destination.deposit.amount1;
  const refunded0 = simulated?.amount0Refunded ?? destination.refund.amount0;
  const refunded1 = simulated?.amount1Refunded ?? destination.refund.amount1;
  const v3Price = priceFromSqrtPriceX96(position.sqrtPriceX96, token0.decimals, token1.decimals);
  const v3Unit = `${token1.symbol} per ${token0.symbol}`;
  const v4Unit = `${currency1.symbol} per ${currency0.symbol}`;
  const deviation = `${(destination.deviation * 100).toFixed(2)}%`;
  const burns = withdrawal.liquidity === position.liquidity;
  const poolName = v4PoolName(destination.currencies, destination.pool.key);
  const { range } = destination;

  return (
    <div className="space-y-4">
      <dl
        className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2"
        aria-label={`Preview of position #${position.tokenId}`}
      >
        <dt className="text-muted">Destination</dt>
        <dd>{v4DestinationLine(destination)}</dd>
        <dt className="text-muted">Your V3 position</dt>
        <dd>{burns ? "Emptied and burned" : "Kept, with the rest of its liquidity"}</dd>
        <dt className="text-muted">Out of V3</dt>
        <dd>{pair(withdrawal.principal.amount0, withdrawal.principal.amount1, token0, token1)}</dd>
        <dt className="text-muted">Fees</dt>
        <dd>
          {pair(withdrawal.fees.amount0, withdrawal.fees.amount1, token0, token1)},{" "}
          {withdrawal.depositFees ? "deposited" : "refunded to you"}
        </dd>
        <dt className="text-muted">Into V4</dt>
        <dd>{pair(deposited0, deposited1, currency0, currency1)}</dd>
        <dt className="text-muted">Refunded to you</dt>
        <dd data-testid="refund">{pair(refunded0, refunded1, currency0, currency1)}</dd>
        <dt className="text-muted">Minimum into V4</dt>
        <dd>
          {pair(
            destination.destination.amount0MinDeposited,
            destination.destination.amount1MinDeposited,
            currency0,
            currency1,
          )}
        </dd>
        <dt className="text-muted">V3 pool price</dt>
        <dd>
          {formatPrice(v3Price)} {v3Unit}
        </dd>
        <dt className="text-muted">V4 pool price</dt>
        <dd>
          {destination.poolExists
            ? `${formatPrice(destination.price)} ${v4Unit} (${deviation} from V3)`
            : "No pool yet: Ferry would create it at the V3 price"}
        </dd>
        {range.priceLower !== undefined && range.priceUpper !== undefined ? (
          <>
            <dt className="text-muted">Range</dt>
            <dd>
              {formatPrice(range.priceLower)} – {formatPrice(range.priceUpper)} {v4Unit}
            </dd>
          </>
        ) : null}
      </dl>

      <DestinationRisks
        range={range}
        price={destination.price}
        deviation={destination.deviation}
        guard={guard}
        from="V3"
        to="V4"
        deviationConfirmed={deviationConfirmed}
        onConfirmDeviation={onConfirmDeviation}
        pairName={poolName}
        unit={v4Unit}
        kind={pairKind(currency0.symbol, currency1.symbol)}
      />
    </div>
  );
}
