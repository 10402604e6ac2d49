import { queryOptions, useQuery } from "@tanstack/react-query";
import type { Address } from "viem";
import {
  type Campaign,
  type DailyTotal,
  fetchStats,
  type Leaderboard,
  type LeaderboardOrder,
  type Summary,
  type UserReport,
} from "@/lib/campaign/stats";

/** New migrations show within a few seconds without a reload; the API answers from its own database. */
const REFRESH_MS = 2_000;

export const summaryQueryOptions = (indexerUrl: string) =>
  queryOptions({
    queryKey: ["campaign", indexerUrl, "summary"],
    queryFn: () => fetchStats<Summary>(indexerUrl, "/api/summary"),
    refetchInterval: REFRESH_MS,
  });

export const dailyQueryOptions = (indexerUrl: string) =>
  queryOptions({
    queryKey: ["campaign", indexerUrl, "daily"],
    queryFn: () => fetchStats<DailyTotal[]>(indexerUrl, "/api/daily"),
    refetchInterval: REFRESH_MS,
  });

export const leaderboardQueryOptions = (indexerUrl: string, by: LeaderboardOrder) =>
  queryOptions({
    queryKey: ["campaign", indexerUrl, "leaderboard", by],
    queryFn: () => fetchStats<Leaderboard>(indexerUrl, `/api/leaderboard?by=${by}&limit=10`),
    refetchInterval: REFRESH_MS,
  });

export const userStatsQueryOptions = (indexerUrl: string, user: Address) =>
  queryOptions({
    queryKey: ["campaign", indexerUrl, "user", user],
    queryFn: () => fetchStats<UserReport>(indexerUrl, `/api/users/${user}`),
    refetchInterval: REFRESH_MS,
  });

export const campaignQueryOptions = (indexerUrl: string) =>
  queryOptions({
    queryKey: ["campaign", indexerUrl, "rule"],
    queryFn: () => fetchStats<Campaign>(indexerUrl, "/api/campaign"),
    // The current epoch moves with the chain's clock.
    refetchInterval: REFRESH_MS,
  });

/** Totals, TVL and the split by route and pool. */
export const useCampaignSummary = (indexerUrl: string) => useQuery(summaryQueryOptions(indexerUrl));

/** One row per day with activity: migrations and the TVL at the day's end. */
export const useCampaignDaily = (indexerUrl: string) => useQuery(dailyQueryOptions(indexerUrl));

/** The top migrators by points or by USD still in the new version. */
export const useLeaderboard = (indexerUrl: string, by: LeaderboardOrder) =>
  useQuery(leaderboardQueryOptions(indexerUrl, by));

/** One wallet's migrations, USD and points. */
export const useUserStats = (indexerUrl: string, user: Address | undefined) =>
  useQuery({ ...userStatsQueryOptions(indexerUrl, user as Address), enabled: Boolean(user) });

/** The points rule, as the indexer applies it, and the current epoch. */
export const useCampaignRule = (indexerUrl: string) => useQuery(campaignQueryOptions(indexerUrl));
