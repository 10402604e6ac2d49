import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stopProcess } from "./anvil";
import { NEXT_BIN } from "./nextApp";
import { generatedAbisAreCurrent, sourcesHash } from "./source-hash";
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

const appSourceHash = () => sourcesHash(SOURCES);

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
  /** Settles once the contracts are compiled for deployment and `lib/generated` matches them. */
  contracts: Promise<void>;
  /** Settles with the production build; `built` is false when `.next` was already built from these sources. */
  app: Promise<{ built: boolean }>;
}

/**
 * Compiles the contracts and, unless `.next` was built from the current sources, builds the app. With the committed
 * ABIs current, `next build` starts at once beside the compile (which only the deploy needs); otherwise the compile
 * regenerates them first (`npm run build:abis`). `register` receives a stop function for each child process.
 */
export function startAppBuild(register: (stop: () => Promise<void>) => void): AppBuild {
  const abisCurrent = generatedAbisAreCurrent();
  const contracts = run("npm", ["run", abisCurrent ? "build:contracts" : "build:abis"], register);
  const appCurrent = existsSync(join(NEXT_DIR, "BUILD_ID")) && existsSync(SOURCE_HASH_FILE);
  if (appCurrent && readFileSync(SOURCE_HASH_FILE, "utf8") === appSourceHash()) {
    return { contracts, app: Promise.resolve({ built: false }) };
  }
  const app = (abisCurrent ? Promise.resolve() : contracts)
    .then(() => run(NEXT_BIN, ["build"], register))
    .then(() => {
      writeFileSync(SOURCE_HASH_FILE, appSourceHash());
      return { built: true };
    });
  return { contracts, app };
}
