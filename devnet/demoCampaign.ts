import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { readPointsConfig } from "../indexer/campaign";

/** Ten minutes of chain time: a newcomer sees an epoch close, and its rewards published, without waiting an hour. */
export const DEMO_EPOCH_SECONDS = 600;

/**
 * Writes the demo campaign's points config to `file`: the default one (`indexer/points.config.json`, with its
 * rewards budget) with short epochs and any `overrides`. Returns `file`.
 */
export function writeDemoPointsConfig(file: string, overrides: Record<string, unknown> = {}): string {
  const config = readPointsConfig() as Record<string, unknown>;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...config, epochSeconds: DEMO_EPOCH_SECONDS, ...overrides }, null, 2));
  return file;
}
