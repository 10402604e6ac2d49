"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { impermanentLoss, type PriceRange, valueCurve } from "@/lib/uniswap/v3/impermanentLoss";

const MULTIPLES = [0.25, 0.35, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4];
const MOVES = [-0.5, -0.25, -0.1, 0.1, 0.25, 0.5];

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;

/**
 * Value of the old full-range position and of the new one against the price, relative to today, and the
 * impermanent loss of each for typical moves. Fees earned are not included.
 */
export function ImpermanentLoss({ price, range, pairName }: { price: number; range: PriceRange; pairName: string }) {
  const full = valueCurve(price, {}, MULTIPLES);
  const ranged = valueCurve(price, range, MULTIPLES);
  const data = MULTIPLES.map((multiple, i) => ({
    move: `${multiple}×`,
    "V2 full range": full[i]?.value,
    "New V3 range": ranged[i]?.value,
  }));
  return (
    <div className="space-y-3">
      <h4 className="font-medium">Impermanent loss</h4>
      <div className="h-56 w-full" role="img" aria-label={`Position value against the ${pairName} price`}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ left: 0, right: 8, top: 8, bottom: 0 }}>
            <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
            <XAxis dataKey="move" fontSize={12} />
            <YAxis fontSize={12} tickFormatter={(v: number) => `${v.toFixed(1)}×`} width={40} />
            <Tooltip formatter={(v) => `${Number(v).toFixed(3)}× today's value`} />
            <Legend />
            <Line type="monotone" dataKey="V2 full range" stroke="#64748b" dot={false} isAnimationActive={false} />
            <Line type="monotone" dataKey="New V3 range" stroke="#2f7cf6" dot={false} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <table className="w-full text-sm">
        <caption className="sr-only">Impermanent loss for price moves of {pairName}</caption>
        <thead>
          <tr className="text-left text-muted">
            <th scope="col">Price move</th>
            <th scope="col">V2 full range</th>
            <th scope="col">New V3 range</th>
          </tr>
        </thead>
        <tbody>
          {MOVES.map((move) => (
            <tr key={move}>
              <th scope="row" className="text-left font-normal">
                {move > 0 ? "+" : ""}
                {move * 100}%
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
