"use client";

import { useAccount } from "wagmi";
import { Card } from "@/components/Card";
import { useUserStats } from "@/hooks/useCampaignStats";
import { formatPoints, formatUsd } from "@/lib/campaign/stats";
import { MyPositions } from "./MyPositions";
import { StatTile } from "./StatTile";

/** `chainId`: the indexed chain, whose address book names the pools. */
export function MyStats({ indexerUrl, chainId }: { indexerUrl: string; chainId: number }) {
  const { address } = useAccount();
  const stats = useUserStats(indexerUrl, address);
  return (
    <Card title="My stats">
      {!address ? (
        <p className="text-sm text-muted">Connect a wallet to see your migrations and points.</p>
      ) : !stats.data ? (
        <p className="text-sm text-muted">Loading your stats…</p>
      ) : (
        <div className="space-y-4">
          <div className="grid grid-cols-2 gap-4 md:grid-cols-5">
            <StatTile label="My points" value={formatPoints(stats.data.points)} />
            <StatTile label="My held value" value={formatUsd(stats.data.heldUsd)} hint="at the last epoch snapshot" />
            <StatTile label="My TVL" value={formatUsd(stats.data.retainedUsd)} hint="still in the new version" />
            <StatTile label="My total moved" value={formatUsd(stats.data.migratedUsd)} />
            <StatTile label="My migrations" value={stats.data.migrations.toLocaleString("en-US")} />
          </div>
          <MyPositions chainId={chainId} positions={stats.data.positions} />
        </div>
      )}
    </Card>
  );
}
