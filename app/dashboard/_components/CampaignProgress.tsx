"use client";

import { Card } from "@/components/Card";
import { useCampaignRule } from "@/hooks/useCampaignStats";
import type { PointsRule } from "@/lib/campaign/points";
import { formatUsd, targetProgress } from "@/lib/campaign/stats";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The rule in plain words, from the same config the indexer applies. */
function describeRule(rule: PointsRule): string {
  const boost =
    rule.boostDays > 0 ? ` ×${rule.boostMultiplierBps / 10_000} during the first ${rule.boostDays} days,` : "";
  const window = `from ${DATE.format(rule.startTime * 1000)}${rule.endTime ? ` to ${DATE.format(rule.endTime * 1000)}` : ""}`;
  return (
    `${rule.pointsPerUsdPerDay} point per USD per day that migrated liquidity stays in the new version,${boost} ${window}. ` +
    "Liquidity pulled out of its new position, or the position transferred, stops earning at once, so migrating " +
    "again earns nothing extra. The operator's own addresses earn nothing."
  );
}

export function CampaignProgress({
  indexerUrl,
  tvlUsd,
  targetUsd,
}: {
  indexerUrl: string;
  tvlUsd: string;
  targetUsd: number;
}) {
  const rule = useCampaignRule(indexerUrl);
  const progress = targetProgress(tvlUsd, targetUsd);
  return (
    <Card title="Campaign">
      <div className="space-y-1">
        <div className="flex justify-between text-sm">
          <span>
            {formatUsd(tvlUsd)} of ${targetUsd.toLocaleString("en-US")} target
          </span>
          <span className="tabular-nums">{progress.toFixed(1)}%</span>
        </div>
        <div
          role="progressbar"
          aria-label="Progress toward the campaign target"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Number(progress.toFixed(1))}
          className="h-3 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div className="h-full bg-ferry-600" style={{ width: `${progress}%` }} />
        </div>
      </div>
      <p className="text-sm text-muted">
        <strong>Points rule: </strong>
        {rule.data ? describeRule(rule.data.rule) : "loading…"}
      </p>
    </Card>
  );
}
