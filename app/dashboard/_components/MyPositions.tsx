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

const statusOf = (held: PositionHolding) =>
  held.state !== "earning"
    ? WHY_NOTHING[held.state]
    : held.valued
      ? "Earning"
      : "Earning: first credited at this epoch's end";

const positionName = (held: PositionHolding) =>
  held.kind === "aave-v3" ? "Aave V3 supply" : `${POSITION_KIND[held.kind]} #${held.id}`;

/** The row's anchor: a migration's receipt links here (`/dashboard#position-uniswap-v4-12`). */
export const positionAnchor = (held: Pick<PositionHolding, "kind" | "id">) => `position-${held.kind}-${held.id}`;

/**
 * Each migrated position: what the last epoch snapshot found it holds, the points credited so far, what it earns per
 * epoch at today's value, or why it earns nothing. Before its first snapshot it has no value yet but already earns.
 */
export function MyPositions({ chainId, positions }: { chainId: number; positions: PositionHolding[] }) {
  if (positions.length === 0) return null;
  return (
    <table className="w-full text-sm">
      <caption className="text-left font-medium">My positions (held: at the last epoch snapshot)</caption>
      <thead>
        <tr className="text-left text-muted">
          <th scope="col">Position</th>
          <th scope="col">Pool</th>
          <th scope="col" className="text-right">
            Held
          </th>
          <th scope="col" className="text-right">
            Points so far
          </th>
          <th scope="col" className="text-right">
            Earning per epoch
          </th>
          <th scope="col" className="pl-4">
            Status
          </th>
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
            <td className="text-right tabular-nums">{held.valued ? formatUsd(held.heldUsd) : "not valued yet"}</td>
            <td className="text-right tabular-nums">{formatPoints(held.points)}</td>
            <td className="text-right tabular-nums">{`~${formatPoints(held.earningPerEpoch)}`}</td>
            <td className="pl-4">{statusOf(held)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
