import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type PointsRule, parsePointsRule } from "../lib/campaign/points";

const DEFAULT_POINTS_CONFIG = fileURLToPath(new URL("./points.config.json", import.meta.url));

/** The points config file (default `indexer/points.config.json`) as JSON: the points rule and the rewards entry. */
export function readPointsConfig(file = DEFAULT_POINTS_CONFIG): unknown {
  return JSON.parse(readFileSync(file, "utf8"));
}

/** The points rule from `file`; changing the rule requires a re-index. */
export function loadPointsRule(file?: string): PointsRule {
  return parsePointsRule(readPointsConfig(file));
}

export const pointsRule = loadPointsRule(process.env.FERRY_POINTS_CONFIG);

/**
 * The rule as it applies on chain: the campaign starts at the configured time, or at the first block that can hold
 * the Migrator (the block after its recorded deployment block) when that is later, so epochs count from there and
 * never from an older configured start or the chain's genesis. `firstBlockTime` is fixed by the epoch clock's first
 * block; the boost window runs from the same start.
 */
export function campaignRule(firstBlockTime: number): PointsRule {
  return { ...pointsRule, startTime: Math.max(pointsRule.startTime, firstBlockTime) };
}
