import { Card } from "@/components/Card";
import type { Summary } from "@/lib/campaign/stats";
import { formatUsd } from "@/lib/campaign/stats";
import { addressesFor } from "@/lib/chain/addresses";
import { routeLabel } from "@/lib/routes/registry";

/** "WETH/USDC 0.30%" for a pool listed in the addresses file, "Aave V3" for its lending pool, the short address otherwise. */
function poolName(chainId: number, pool: string): string {
  if (addressesFor(chainId).aaveV3.pool.toLowerCase() === pool.toLowerCase()) return "Aave V3";
  const pools = addressesFor(chainId).uniswapV3.pools as Record<string, string>;
  const key = Object.keys(pools).find((name) => pools[name]?.toLowerCase() === pool.toLowerCase());
  if (!key) return `${pool.slice(0, 6)}…${pool.slice(-4)}`;
  const [token0, token1, fee] = key.split("_");
  return `${token0}/${token1} ${(Number(fee) / 10_000).toFixed(2)}%`;
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
          rows={byPool.map((pool) => ({ key: pool.pool, name: poolName(chainId, pool.pool), ...pool }))}
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
