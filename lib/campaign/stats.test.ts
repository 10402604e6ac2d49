import { describe, expect, it } from "vitest";
import {
  describeStatsError,
  fetchStats,
  formatPoints,
  formatUsd,
  IndexerAnswered,
  IndexerUnreachable,
  targetProgress,
  toChartNumber,
} from "./stats";

describe("campaign stats helpers", () => {
  it("reads 8-decimal strings as chart numbers", () => {
    expect(toChartNumber("999999999799")).toBeCloseTo(9_999.99999799, 8);
    expect(toChartNumber("0")).toBe(0);
  });

  it("computes progress toward the target, clamped", () => {
    expect(targetProgress("2500000000000", 100_000)).toBe(25);
    expect(targetProgress("99900000000000", 100_000)).toBe(100);
    expect(targetProgress("100000000", 0)).toBe(0);
  });

  it("formats 8-decimal USD and points for people", () => {
    expect(formatUsd("999999999799")).toBe("$10,000.00");
    expect(formatUsd("1999770000000")).toBe("$19,997.70");
    expect(formatUsd("0")).toBe("$0.00");
    expect(formatPoints("1234567890")).toBe("12.34");
  });
});

describe("fetchStats errors", () => {
  it("says the indexer cannot be reached when nothing answers, without the browser's 'Failed to fetch'", async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    const error = await fetchStats("http://127.0.0.1:9", "/api/summary").catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(IndexerUnreachable);
    expect(describeStatsError(error as Error)).toMatch(/cannot be reached right now/);
    expect(describeStatsError(error as Error)).not.toMatch(/fetch/i);
  });

  it("names the HTTP status when the indexer answers with an error", () => {
    expect(describeStatsError(new IndexerAnswered(503, "/api/summary: starting"))).toMatch(/HTTP 503/);
  });
});
