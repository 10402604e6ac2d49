"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Card } from "@/components/Card";
import { useCampaignDaily } from "@/hooks/useCampaignStats";
import { toChartNumber } from "@/lib/campaign/stats";

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact" });
const AXIS_LABEL = { fontSize: 12, fill: "currentColor" };

/**
 * TVL at each day's end (line, left axis) and migrations per day (bars, right axis), both axes titled. Every day's TVL
 * has a marker and the latest one its value, so a campaign one day old reads as a labelled point, not a lone dot.
 */
export function HistoryChart({ indexerUrl }: { indexerUrl: string }) {
  const daily = useCampaignDaily(indexerUrl);
  const data = (daily.data ?? []).map((day) => ({
    day: DAY.format(day.day * 1000),
    tvl: toChartNumber(day.tvlUsd),
    migrations: day.migrations,
  }));
  const last = data.length - 1;
  return (
    <Card title="Over time">
      {data.length === 0 ? (
        <p className="text-sm text-muted">No migrations yet.</p>
      ) : (
        <figure aria-label="TVL and migrations per day" className="h-72 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 28, right: 16, bottom: 8, left: 16 }}>
              <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
              <XAxis
                dataKey="day"
                fontSize={12}
                label={{ ...AXIS_LABEL, value: "Day (UTC)", position: "insideBottom", offset: -4 }}
              />
              <YAxis
                yAxisId="usd"
                fontSize={12}
                tickFormatter={(value: number) => USD.format(value)}
                width={80}
                label={{ ...AXIS_LABEL, value: "TVL (USD)", angle: -90, position: "insideLeft" }}
              />
              <YAxis
                yAxisId="count"
                orientation="right"
                fontSize={12}
                allowDecimals={false}
                width={56}
                label={{ ...AXIS_LABEL, value: "Migrations (count)", angle: 90, position: "insideRight" }}
              />
              <Tooltip formatter={(value, name) => (name === "TVL" ? USD.format(Number(value)) : value)} />
              <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 8 }} />
              <Bar yAxisId="count" dataKey="migrations" name="Migrations" fill="#94a3b8" maxBarSize={48} />
              <Line
                yAxisId="usd"
                dataKey="tvl"
                name="TVL"
                stroke="#0f766e"
                strokeWidth={2}
                dot={{ r: 5, fill: "#0f766e" }}
                isAnimationActive={false}
                // Only the latest day's value: one label reads, one per day would crowd a long campaign.
                label={({
                  x,
                  y,
                  index,
                  value,
                }: {
                  x?: number | string;
                  y?: number | string;
                  index?: number;
                  value?: unknown;
                }) =>
                  index === last ? (
                    <text x={x} y={Number(y) - 12} textAnchor="middle" fontSize={12} fill="currentColor">
                      {`TVL ${USD.format(Number(value))}`}
                    </text>
                  ) : (
                    <g />
                  )
                }
              />
            </ComposedChart>
          </ResponsiveContainer>
        </figure>
      )}
    </Card>
  );
}
