import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type PointsRule, parsePointsRule } from "../lib/campaign/points";

const DEFAULT_POINTS_CONFIG = fileURLToPath(new URL("./points.config.json", import.meta.url));

/** The points rule from `file` (default `indexer/points.config.json`); changing the rule requires a re-index. */
export function loadPointsRule(file = DEFAULT_POINTS_CONFIG): PointsRule {
  return parsePointsRule(JSON.parse(readFileSync(file, "utf8")));
}

export const pointsRule = loadPointsRule(process.env.FERRY_POINTS_CONFIG);
