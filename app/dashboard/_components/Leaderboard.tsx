"use client";

import { useState } from "react";
import { Card } from "@/components/Card";
import { useLeaderboard } from "@/hooks/useCampaignStats";
import type { LeaderboardOrder } from "@/lib/campaign/stats";
import { formatPoints, formatUsd } from "@/lib/campaign/stats";

const ORDERS: { by: LeaderboardOrder; label: string }[] = [
  { by: "points", label: "By points" },
  { by: "usd", label: "By USD held" },
];

export function Leaderboard({ indexerUrl }: { indexerUrl: string }) {
  const [by, setBy] = useState<LeaderboardOrder>("points");
  const board = useLeaderboard(indexerUrl, by);
  return (
    <Card title="Leaderboard">
      <fieldset className="flex gap-2">
        <legend className="sr-only">Order the leaderboard</legend>
        {ORDERS.map((order) => (
          <button
            key={order.by}
            type="button"
            aria-pressed={by === order.by}
            onClick={() => setBy(order.by)}
            className="rounded-md border border-slate-300 px-3 py-1 text-sm aria-pressed:bg-slate-900 aria-pressed:text-white dark:border-slate-700 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900"
          >
            {order.label}
          </button>
        ))}
      </fieldset>
      <table className="w-full text-sm">
        <caption className="sr-only">
          Top migrators {by === "points" ? "by points" : "by USD held at the last epoch snapshot"}
        </caption>
        <thead>
          <tr className="text-left text-muted">
            <th scope="col">#</th>
            <th scope="col">Address</th>
            <th scope="col" className="text-right">
              Points
            </th>
            <th scope="col" className="text-right">
              Held
            </th>
          </tr>
        </thead>
        <tbody>
          {(board.data?.entries ?? []).map((entry, rank) => (
            <tr key={entry.user}>
              <td>{rank + 1}</td>
              <th scope="row" className="text-left font-mono font-normal">
                {entry.user.slice(0, 6)}…{entry.user.slice(-4)}
              </th>
              <td className="text-right tabular-nums">{formatPoints(entry.points)}</td>
              <td className="text-right tabular-nums">{formatUsd(entry.heldUsd)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
