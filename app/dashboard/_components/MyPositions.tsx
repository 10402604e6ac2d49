import type { HoldingState } from "@/lib/campaign/points";
import { formatPoints, formatUsd, type PositionHolding } from "@/lib/campaign/stats";

/** Why a position earns nothing, in words; `earning` has none. */
const WHY_NOTHING: Record<Exclude<HoldingState, "earning">, string> = {
  "out-of-range": "Out of range: the pool's price is outside the position's range",
  "off-market": "Off-market pool: its price is too far from the oracle's",
  withdrawn: "Withdrawn: the migrated liquidity has left the new version",
  transferred: "Transferred: the position now belongs to another address",
  unpriced: "Unpriced token: the oracle cannot value it",
};

const positionName = (held: PositionHolding) =>
  held.kind === "uniswap-v3" ? `Uniswap V3 #${held.id}` : "Aave V3 supply";

/** Each migrated position as the last epoch snapshot found it: what it holds, what it earns per epoch, or why not. */
export function MyPositions({ positions }: { positions: PositionHolding[] }) {
  if (positions.length === 0) return null;
  return (
    <table className="w-full text-sm">
      <caption className="text-left font-medium">My positions at the last epoch snapshot</caption>
      <thead>
        <tr className="text-left text-muted">
          <th scope="col">Position</th>
          <th scope="col" className="text-right">
            Held
          </th>
          <th scope="col" className="text-right">
            Points per epoch
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {positions.map((held) => (
          <tr key={`${held.kind}-${held.id}`} id={`position-${held.kind}-${held.id}`}>
            <th scope="row" className="text-left font-normal">
              {positionName(held)}
            </th>
            <td className="text-right tabular-nums">{formatUsd(held.heldUsd)}</td>
            <td className="text-right tabular-nums">{formatPoints(held.pointsPerEpoch)}</td>
            <td>{held.state === "earning" ? "Earning" : WHY_NOTHING[held.state]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
