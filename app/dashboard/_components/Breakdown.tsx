import type { Address } from "viem";
import { Card } from "@/components/Card";
import type { Summary } from "@/lib/campaign/stats";
import { formatUsd } from "@/lib/campaign/stats";
import { addressesFor } from "@/lib/chain/addresses";
import { routeLabel } from "@/lib/routes/registry";
import { v3PoolName } from "@/lib/uniswap/v3/poolNames";

/** "WETH/USDC 0.30%" for a V3 pool of listed tokens, "Aave V3" for its lending pool, the short address otherwise. */
function poolName(chainId: number, pool: Address): string {
  const { aaveV3, uniswapV3, tokens } = addressesFor(chainId);
  if (aaveV3.pool.toLowerCase() === pool.toLowerCase()) return "Aave V3";
  return v3PoolName(uniswapV3, tokens, pool) ?? `${pool.slice(0, 6)}…${pool.slice(-4)}`;
}

export function Breakdown({ chainId, byRoute, byPool }: Pick<Summary, "chainId" | "byRoute" | "byPool">) {
  return (
    <Card title="By route and pool">
      <div className="grid gap-6 md:grid-cols-2">
        <SplitTable
          caption="By route"
          rows={byRoute.map((route) => ({ key: route.route, name: routeLabel(route.route), ...route }))}
        />
        <SplitTable
          caption="By destination pool"
          rows={byPool.map((pool) => ({ key: pool.pool, name: poolName(chainId, pool.pool as Address), ...pool }))}
        />
      </div>
    </Card>
  );
}

function SplitTable({
  caption,
  rows,
}: {
  caption: string;
  rows: { key: string; name: string; migrations: number; tvlUsd: string }[];
}) {
  return (
    <table className="w-full text-sm">
      <caption className="text-left font-medium">{caption}</caption>
      <thead>
        <tr className="text-left text-muted">
          <th scope="col">Name</th>
          <th scope="col" className="text-right">
            Migrations
          </th>
          <th scope="col" className="text-right">
            TVL
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={3}>Nothing yet</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="text-left font-normal">
                {row.name}
              </th>
              <td className="text-right tabular-nums">{row.migrations}</td>
              <td className="text-right tabular-nums">{formatUsd(row.tvlUsd)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
