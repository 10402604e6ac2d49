import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stopProcess } from "./anvil";
import { NEXT_BIN } from "./nextApp";
import { ROOT_DIR } from "./world-files";

const NEXT_DIR = join(ROOT_DIR, ".next");
const SOURCE_HASH_FILE = join(NEXT_DIR, "ferry-source-hash");
/** What the production build is made from: a change in any of these makes `.next` stale. */
const SOURCES = [
  "app",
  "components",
  "contracts/src",
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

function run(command: string, args: string[], register: (stop: () => Promise<void>) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT_DIR,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    register(() => stopProcess(child));
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

export interface AppBuild {
  /** Settles once the contracts are compiled and `lib/generated` is written: what the deploy and indexer need. */
  abis: Promise<void>;
  /** Settles with the production build; `built` is false when `.next` was already built from these sources. */
  app: Promise<{ built: boolean }>;
}

/**
 * The app's production build (`npm run build:app`, in its two stages) unless `.next` was built from the current
 * sources. Reporting the ABI stage on its own lets Ferry's deploy and the indexer start while `next build` runs.
 * `register` receives a stop function for each child, so a Ctrl-C meanwhile can end it.
 */
export function startAppBuild(register: (stop: () => Promise<void>) => void): AppBuild {
  const current = existsSync(join(NEXT_DIR, "BUILD_ID")) && existsSync(SOURCE_HASH_FILE);
  if (current && readFileSync(SOURCE_HASH_FILE, "utf8") === appSourceHash()) {
    return { abis: Promise.resolve(), app: Promise.resolve({ built: false }) };
  }
  const abis = run("npm", ["run", "build:abis"], register);
  const app = abis
    .then(() => run(NEXT_BIN, ["build"], register))
    .then(() => {
      // Hashed after the build: the ABI stage regenerates lib/generated, which is part of the sources.
      writeFileSync(SOURCE_HASH_FILE, appSourceHash());
      return { built: true };
    });
  return { abis, app };
}
