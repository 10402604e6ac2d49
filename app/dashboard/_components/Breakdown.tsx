import { Card } from "@/components/Card";
import { destinationPoolName } from "@/lib/campaign/poolName";
import type { Summary } from "@/lib/campaign/stats";
import { formatUsd } from "@/lib/campaign/stats";
import { routeLabel } from "@/lib/routes/registry";

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
          rows={byPool.map((pool) => ({
            key: pool.pool,
            name: destinationPoolName(chainId, pool.pool, pool.poolKey),
            ...pool,
          }))}
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
