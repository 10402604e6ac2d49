"use client";

import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { PairKind } from "@/lib/uniswap/pairKind";
import { impermanentLoss, lossChartSpan, lossCurve, type PriceRange } from "@/lib/uniswap/v3/impermanentLoss";
import { typicalMoves } from "@/lib/uniswap/v3/rangePresets";

const PRICE = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });
const LOSS = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
const signedPercent = (x: number) => `${x > 0 ? "+" : ""}${Number((x * 100).toFixed(2))}%`;

/**
 * Impermanent loss (value against simply holding the tokens deposited) of the old full-range position and of the
 * new range, over prices around today's, with today's price and the range marked; and the loss of each for the
 * pair's typical moves. Fees earned are not included.
 */
export function ImpermanentLoss({
  price,
  range,
  pairName,
  unit,
  kind,
  version = "V3",
}: {
  price: number;
  range: PriceRange;
  pairName: string;
  /** The price's unit, e.g. "USDC per WETH". */
  unit: string;
  kind: PairKind;
  /** The destination's version, naming its curve: "V3", "V4". */
  version?: string;
}) {
  const moves = typicalMoves(kind);
  const span = lossChartSpan(price, range, Math.max(...moves));
  const [low, high] = [price / span, price * span];
  const data = lossCurve(price, range, span).map((point) => ({
    price: point.price,
    fullRange: point.fullRange * 100,
    ranged: point.ranged * 100,
  }));
  const ticks = [low, price / Math.sqrt(span), price, price * Math.sqrt(span), high];
  const bounded = range.lower !== undefined && range.upper !== undefined;
  const rangeText = bounded
    ? `your range ${PRICE.format(range.lower ?? 0)} – ${PRICE.format(range.upper ?? 0)}`
    : "full range";
  return (
    <div className="space-y-3">
      <h4 className="font-medium">Impermanent loss</h4>
      <p className="text-sm text-muted">
        What the position is worth against simply holding the tokens you deposit, as the price moves. Fees are not
        included.
      </p>
      <figure
        className="h-80 w-full"
        role="img"
        aria-label={`Impermanent loss against the ${pairName} price, today's price ${PRICE.format(price)} ${unit} and ${rangeText} marked`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ left: 12, right: 24, top: 24, bottom: 20 }}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
            <XAxis
              dataKey="price"
              type="number"
              scale="log"
              domain={[low, high]}
              ticks={ticks}
              tickFormatter={(value: number) => PRICE.format(value)}
              fontSize={12}
              label={{ value: `Price (${unit})`, position: "bottom", offset: 4, fontSize: 12 }}
            />
            <YAxis
              fontSize={12}
              tickFormatter={(value: number) => `${LOSS.format(value)}%`}
              width={64}
              label={{ value: "Loss vs holding (%)", angle: -90, position: "insideBottomLeft", fontSize: 12 }}
            />
            {bounded ? (
              <ReferenceArea
                x1={Math.max(range.lower ?? low, low)}
                x2={Math.min(range.upper ?? high, high)}
                fill="#2f7cf6"
                fillOpacity={0.08}
                label={{ value: "Your range", position: "insideTopLeft", fontSize: 12 }}
              />
            ) : null}
            <ReferenceLine
              x={price}
              stroke="#0f172a"
              strokeDasharray="4 4"
              label={{ value: `Now ${PRICE.format(price)}`, position: "top", fontSize: 12 }}
            />
            <Tooltip
              labelFormatter={(value) => `Price ${PRICE.format(Number(value))} ${unit}`}
              formatter={(value) => `${Number(value).toFixed(3)}%`}
            />
            <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 28 }} />
            <Line dataKey="fullRange" name="V2 full range" stroke="#64748b" dot={false} isAnimationActive={false} />
            <Line
              dataKey="ranged"
              name={`New ${version} range`}
              stroke="#2f7cf6"
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </figure>
      <table className="w-full text-sm">
        <caption className="sr-only">Impermanent loss for price moves of {pairName}</caption>
        <thead>
          <tr className="text-left text-muted">
            <th scope="col">Price move</th>
            <th scope="col">V2 full range</th>
            <th scope="col">New {version} range</th>
          </tr>
        </thead>
        <tbody>
          {[...moves.map((move) => -move).reverse(), ...moves].map((move) => (
            <tr key={move}>
              <th scope="row" className="text-left font-normal">
                {signedPercent(move)}
              </th>
              <td>{percent(impermanentLoss(price, price * (1 + move)))}</td>
              <td>{percent(impermanentLoss(price, price * (1 + move), range))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
