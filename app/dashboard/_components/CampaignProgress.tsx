"use client";

import { Card } from "@/components/Card";
import { useCampaignRule } from "@/hooks/useCampaignStats";
import type { PointsRule } from "@/lib/campaign/points";
import { formatUsd, targetProgress } from "@/lib/campaign/stats";
import { formatUsd as formatDollars, formatMoment, formatUtc } from "@/lib/format";

const DATE = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The rule in plain words, from the same config the indexer applies. */
function describeRule(rule: PointsRule): string {
  const boost =
    rule.boostDays > 0 ? ` ×${rule.boostMultiplierBps / 10_000} during the first ${rule.boostDays} days,` : "";
  const window = `from ${DATE.format(rule.startTime * 1000)}${rule.endTime ? ` to ${DATE.format(rule.endTime * 1000)}` : ""}`;
  const epoch = rule.epochSeconds % 3_600 === 0 ? `${rule.epochSeconds / 3_600} h` : `${rule.epochSeconds} s`;
  return (
    `${rule.pointsPerUsdPerDay} point per USD per day,${boost} ${window}, paid per ${epoch} epoch on what each ` +
    "migrated position still holds at the epoch's end, read from the chain and never more than was migrated into it. " +
    `Positions out of range${rule.outOfRangeEarns ? " still earn, but" : ","} pools more than ` +
    `${rule.maxPoolDeviationBps / 100}% off the oracle price, withdrawn or transferred positions earn nothing. ` +
    "The operator's own addresses earn nothing."
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
            {formatUsd(tvlUsd)} of {formatDollars(targetUsd)} target
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
      {rule.data ? (
        <p className="text-sm">
          <strong>{`Epoch ${rule.data.epoch.current}`}</strong> ends{" "}
          <time
            dateTime={new Date(rule.data.epoch.endsAt * 1000).toISOString()}
            title={formatUtc(rule.data.epoch.endsAt)}
          >
            {formatMoment(rule.data.epoch.endsAt, rule.data.asOf)}
          </time>
        </p>
      ) : null}
      <p className="text-sm text-muted">
        <strong>Points rule: </strong>
        {rule.data ? describeRule(rule.data.rule) : "loading…"}
      </p>
    </Card>
  );
}
