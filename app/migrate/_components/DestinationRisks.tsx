import { Alert } from "@/components/Alert";
import type { PairKind } from "@/lib/uniswap/pairKind";
import type { PriceGuardLevel } from "@/lib/uniswap/priceGuard";
import type { ResolvedRange } from "@/lib/uniswap/v3/rangePresets";
import { ImpermanentLoss } from "./ImpermanentLoss";
import { PriceGuardAlert } from "./PriceGuardAlert";

/**
 * The end of every liquidity preview: what depositing into the destination range at its pool's price risks (out of
 * range, price away from the source's, impermanent loss).
 */
export function DestinationRisks({
  range,
  price,
  deviation,
  guard,
  from,
  to,
  deviationConfirmed,
  onConfirmDeviation,
  pairName,
  unit,
  kind,
}: {
  range: Pick<ResolvedRange, "priceLower" | "priceUpper" | "inRange">;
  /** The destination pool's price of token0, in `unit`. */
  price: number;
  deviation: number;
  guard: PriceGuardLevel;
  /** The source protocol, e.g. "V2". */
  from: string;
  /** The destination protocol, e.g. "V4": the price guard and the impermanent-loss chart name it. */
  to: string;
  deviationConfirmed: boolean;
  onConfirmDeviation: (confirmed: boolean) => void;
  pairName: string;
  unit: string;
  kind: PairKind;
}) {
  return (
    <>
      {range.inRange ? null : (
        <Alert tone="info">
          The current price is outside this range: the position will hold only one token and earn no fees until the
          price enters it.
        </Alert>
      )}
      <PriceGuardAlert
        guard={guard}
        deviation={deviation}
        from={from}
        to={to}
        confirmed={deviationConfirmed}
        onConfirm={onConfirmDeviation}
      />
      <ImpermanentLoss
        price={price}
        range={{ lower: range.priceLower, upper: range.priceUpper }}
        pairName={pairName}
        unit={unit}
        kind={kind}
        version={to}
      />
    </>
  );
}
