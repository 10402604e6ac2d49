import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT_DIR } from "./world-files";

/** The ABIs the app and the indexer import; committed, so a fresh clone can build the app before forge runs. */
export const GENERATED_ABIS_FILE = join(ROOT_DIR, "lib", "generated", "abis.ts");

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => filesUnder(join(path, entry)));
}

/** sha256 over the files under `sources` (paths from the repository `root`), their names included. */
export function sourcesHash(sources: string[], root = ROOT_DIR): string {
  const files = sources.flatMap((source) => filesUnder(join(root, source)));
  if (files.length === 0) throw new Error(`no source files under ${sources.join(", ")} in ${root}`);
  const hash = createHash("sha256");
  for (const file of files) hash.update(file.slice(root.length)).update(readFileSync(file));
  return hash.digest("hex");
}

/**
 * What `lib/generated/abis.ts` records it was generated from (`wagmi.config.ts` writes it into the header, passing
 * its working directory: the CLI runs the config from a bundled copy elsewhere).
 */
export function contractSourcesStamp(root = ROOT_DIR): string {
  return `contracts/src ${sourcesHash(["contracts/src"], root).slice(0, 16)}`;
}

/** Whether `lib/generated/abis.ts` was generated from the current contracts. */
export function generatedAbisAreCurrent(): boolean {
  return existsSync(GENERATED_ABIS_FILE) && readFileSync(GENERATED_ABIS_FILE, "utf8").includes(contractSourcesStamp());
}
