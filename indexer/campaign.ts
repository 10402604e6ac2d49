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
