"use client";

import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { useCampaignSummary } from "@/hooks/useCampaignStats";
import { describeStatsError, formatUsd } from "@/lib/campaign/stats";
import { Breakdown } from "./Breakdown";
import { CampaignProgress } from "./CampaignProgress";
import { HistoryChart } from "./HistoryChart";
import { Leaderboard } from "./Leaderboard";
import { MyStats } from "./MyStats";
import { RewardsCard } from "./RewardsCard";
import { StatTile } from "./StatTile";

export function Dashboard({ indexerUrl }: { indexerUrl: string }) {
  const summary = useCampaignSummary(indexerUrl);
  if (summary.error && !summary.data) {
    return (
      <Alert tone="error">
        <p>{describeStatsError(summary.error)}</p>
        <Button variant="secondary" className="mt-2" onClick={() => summary.refetch()}>
          Retry
        </Button>
      </Alert>
    );
  }
  if (!summary.data) return <Alert tone="info">Loading campaign statistics…</Alert>;
  const totals = summary.data;
  return (
    <div className="space-y-6">
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <StatTile label="TVL migrated" value={formatUsd(totals.tvlUsd)} hint="still in the new version" />
        <StatTile label="Total moved" value={formatUsd(totals.migratedUsd)} hint="at the migration blocks' prices" />
        <StatTile label="Migrators" value={totals.migrators.toLocaleString("en-US")} />
        <StatTile label="Migrations" value={totals.migrations.toLocaleString("en-US")} />
      </div>
      <CampaignProgress indexerUrl={indexerUrl} tvlUsd={totals.tvlUsd} targetUsd={totals.targetUsd} />
      <MyStats indexerUrl={indexerUrl} chainId={totals.chainId} />
      <RewardsCard indexerUrl={indexerUrl} />
      <HistoryChart indexerUrl={indexerUrl} />
      <Breakdown chainId={totals.chainId} byRoute={totals.byRoute} byPool={totals.byPool} />
      <Leaderboard indexerUrl={indexerUrl} />
    </div>
  );
}
