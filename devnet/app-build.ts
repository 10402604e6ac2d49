import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stopProcess } from "./anvil";
import { ROOT_DIR } from "./world-files";

const NEXT_DIR = join(ROOT_DIR, ".next");
const SOURCE_HASH_FILE = join(NEXT_DIR, "ferry-source-hash");
/** What the production build is made from: a change in any of these makes `.next` stale. */
const SOURCES = [
  "app",
  "components",
  "hooks",
  "lib",
  "public",
  "next.config.ts",
  "package-lock.json",
  "postcss.config.mjs",
  "tailwind.config.ts",
  "tsconfig.json",
];

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((entry) => filesUnder(join(path, entry)));
}

function appSourceHash(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap((source) => filesUnder(join(ROOT_DIR, source)))) {
    hash.update(file.slice(ROOT_DIR.length)).update(readFileSync(file));
  }
  return hash.digest("hex");
}

/**
 * Runs the app's production build (`npm run build:app`) unless `.next` was built from the current sources.
 * `register` receives a stop function for the build, so a Ctrl-C meanwhile can end it.
 */
export async function ensureAppBuild(register: (stop: () => Promise<void>) => void): Promise<{ built: boolean }> {
  const current = existsSync(join(NEXT_DIR, "BUILD_ID")) && existsSync(SOURCE_HASH_FILE);
  if (current && readFileSync(SOURCE_HASH_FILE, "utf8") === appSourceHash()) return { built: false };
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npm", ["run", "build:app"], {
      cwd: ROOT_DIR,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    register(() => stopProcess(child));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run build:app exited with ${code}`))));
  });
  // Hashed after the build: it regenerates lib/generated, which is part of the sources.
  writeFileSync(SOURCE_HASH_FILE, appSourceHash());
  return { built: true };
}
