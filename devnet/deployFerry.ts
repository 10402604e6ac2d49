import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { toHex } from "viem";
import type { FerryDeployment } from "../lib/migrator/deployment";
import { ACCOUNT_INDEX, devAccount } from "./deploy/config";
import { CACHE_DIR, ROOT_DIR } from "./world-files";

const FORGE_BIN = join(ROOT_DIR, "node_modules", ".bin", "forge");

/** The dev account that deploys Ferry: unused by the world, so Ferry's addresses are the same on every run. */
export function ferryDeployerKey() {
  const key = devAccount(ACCOUNT_INDEX.ferryDeployer).getHdKey().privateKey;
  if (!key) throw new Error("the Ferry deployer account has no private key");
  return toHex(key);
}

const FERRY_FILE = join(ROOT_DIR, "lib", "ferry.json");

/** A fresh file for a test's deployment record, where the deploy script may write (foundry.toml fs_permissions). */
export function scratchDeploymentFile(): string {
  const dir = join(CACHE_DIR, "deployments");
  mkdirSync(dir, { recursive: true });
  return join(dir, `${randomUUID()}.json`);
}

/**
 * Deploys Ferry's contracts on the chain behind `rpcUrl` with `contracts/script/Deploy.s.sol`, which records them
 * in `recordTo` (the app's `lib/ferry.json` by default), and returns the recorded deployment. Tests record to a
 * file of their own: chains started side by side must not overwrite each other's deploy block.
 */
export async function deployFerry(
  rpcUrl: string,
  chainId: number,
  { recordTo = FERRY_FILE }: { recordTo?: string } = {},
): Promise<FerryDeployment> {
  await promisify(execFile)(
    FORGE_BIN,
    ["script", "script/Deploy.s.sol", "--rpc-url", rpcUrl, "--broadcast", "--private-key", ferryDeployerKey()],
    {
      cwd: join(ROOT_DIR, "contracts"),
      maxBuffer: 64 * 1024 * 1024,
      // On a devnet the deployer also guards; a production deployment names a multisig.
      env: { ...process.env, FERRY_JSON: recordTo, FERRY_GUARDIAN: devAccount(ACCOUNT_INDEX.ferryDeployer).address },
    },
  ).catch((error: Error & { stdout?: string; stderr?: string }) => {
    throw new Error(`deploying Ferry failed: ${error.stderr || error.stdout || error.message}`);
  });
  // Read the file afresh: the script has just rewritten it.
  const recorded = JSON.parse(readFileSync(recordTo, "utf8"))[String(chainId)];
  if (!recorded) throw new Error(`Deploy.s.sol ran but ${recordTo} has no entry for chain ${chainId}`);
  return recorded;
}

/**
 * Puts a deployment made to a scratch file into the app's `lib/ferry.json` (or another record like `lib/rewards.json`);
 * returns whether the file changed (the app is then stale). `npm start` deploys to scratch so the running `next build` never reads a half-written file.
 */
export function recordDeployment(chainId: number, deployment: object, file = FERRY_FILE): boolean {
  const before = existsSync(file) ? readFileSync(file, "utf8") : "{}";
  const after = JSON.stringify({ ...JSON.parse(before), [String(chainId)]: deployment }, null, 2);
  if (after === before) return false;
  writeFileSync(file, after);
  return true;
}
