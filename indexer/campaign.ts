import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parsePointsRule } from "../lib/points";

/** The points rule: `FERRY_POINTS_CONFIG` names another JSON file (changing the rule requires a re-index). */
export const POINTS_CONFIG_FILE =
  process.env.FERRY_POINTS_CONFIG ?? fileURLToPath(new URL("./points.config.json", import.meta.url));

export const pointsRule = parsePointsRule(JSON.parse(readFileSync(POINTS_CONFIG_FILE, "utf8")));
