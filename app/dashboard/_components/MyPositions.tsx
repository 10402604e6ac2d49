import type { HoldingState } from "@/lib/campaign/points";
import { destinationPoolName } from "@/lib/campaign/poolName";
import { formatPoints, formatUsd, type PositionHolding } from "@/lib/campaign/stats";

/** Why a position earns nothing, in words; `earning` has none. */
const WHY_NOTHING: Record<Exclude<HoldingState, "earning">, string> = {
  "out-of-range": "Out of range: the pool's price is outside the position's range",
  "off-market": "Off-market pool: its price is too far from the oracle's",
  withdrawn: "Withdrawn: the migrated liquidity has left the new version",
  transferred: "Transferred: the position now belongs to another address",
  unpriced: "Unpriced token: the oracle cannot value it",
};

const POSITION_KIND: Record<PositionHolding["kind"], string> = {
  "uniswap-v3": "Uniswap V3",
  "uniswap-v4": "Uniswap V4",
  "aave-v3": "Aave V3",
};

const positionName = (held: PositionHolding) =>
  held.kind === "aave-v3" ? "Aave V3 supply" : `${POSITION_KIND[held.kind]} #${held.id}`;

/** The row's anchor: a migration's receipt links here (`/dashboard#position-uniswap-v4-12`). */
export const positionAnchor = (held: Pick<PositionHolding, "kind" | "id">) => `position-${held.kind}-${held.id}`;

/** Each migrated position as the last epoch snapshot found it: what it holds, what it earns per epoch, or why not. */
export function MyPositions({ chainId, positions }: { chainId: number; positions: PositionHolding[] }) {
  if (positions.length === 0) return null;
  return (
    <table className="w-full text-sm">
      <caption className="text-left font-medium">My positions at the last epoch snapshot</caption>
      <thead>
        <tr className="text-left text-muted">
          <th scope="col">Position</th>
          <th scope="col">Pool</th>
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
          <tr
            key={positionAnchor(held)}
            id={positionAnchor(held)}
            className="target:bg-ferry-50 dark:target:bg-slate-800"
          >
            <th scope="row" className="text-left font-normal">
              <a className="underline" href={`#${positionAnchor(held)}`}>
                {positionName(held)}
              </a>
            </th>
            <td>{destinationPoolName(chainId, held.pool, held.poolKey)}</td>
            <td className="text-right tabular-nums">{formatUsd(held.heldUsd)}</td>
            <td className="text-right tabular-nums">{formatPoints(held.pointsPerEpoch)}</td>
            <td>{held.state === "earning" ? "Earning" : WHY_NOTHING[held.state]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
