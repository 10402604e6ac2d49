"use client";

import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/Card";
import { useCampaignDaily } from "@/hooks/useCampaignStats";
import { toChartNumber } from "@/lib/campaign/stats";

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact" });

/** TVL at each day's end (line) and migrations per day (bars). */
export function HistoryChart({ indexerUrl }: { indexerUrl: string }) {
  const daily = useCampaignDaily(indexerUrl);
  const data = (daily.data ?? []).map((day) => ({
    day: DAY.format(day.day * 1000),
    tvl: toChartNumber(day.tvlUsd),
    migrations: day.migrations,
  }));
  return (
    <Card title="Over time">
      {data.length === 0 ? (
        <p className="text-sm text-muted">No migrations yet.</p>
      ) : (
        <figure aria-label="TVL and migrations per day" className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
              <XAxis dataKey="day" />
              <YAxis yAxisId="usd" tickFormatter={(value: number) => USD.format(value)} width={70} />
              <YAxis yAxisId="count" orientation="right" allowDecimals={false} width={40} />
              <Tooltip formatter={(value, name) => (name === "TVL" ? USD.format(Number(value)) : value)} />
              <Bar yAxisId="count" dataKey="migrations" name="Migrations" fill="#94a3b8" />
              <Line yAxisId="usd" dataKey="tvl" name="TVL" stroke="#0f766e" strokeWidth={2} dot />
            </ComposedChart>
          </ResponsiveContainer>
        </figure>
      )}
    </Card>
  );
}
