import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Where the world lives on disk. `world/` always holds the latest build; `<hash>/` is the build cache. */
export const DEVNET_DIR = import.meta.dirname;
export const ROOT_DIR = join(DEVNET_DIR, "..");
export const CACHE_DIR = join(DEVNET_DIR, ".cache");
export const WORLD_DIR = join(CACHE_DIR, "world");
export const WORLD_STATE = join(WORLD_DIR, "state.json");
export const WORLD_ALLOCS = join(WORLD_DIR, "allocs.json");
export const WORLD_META = join(WORLD_DIR, "meta.json");
export const ADDRESSES_FILE = join(ROOT_DIR, "lib", "addresses.json");

/** Packages whose bytecode ends up in the world, plus anvil, whose state format the dump depends on. */
const INPUT_PACKAGES = [
  "@aave/core-v3",
  "@aave/protocol-v2",
  "@foundry-rs/anvil",
  "@uniswap/universal-router",
  "@uniswap/v2-core",
  "@uniswap/v2-periphery",
  "@uniswap/v3-core",
  "@uniswap/v3-periphery",
  "@uniswap/v4-core",
  "@uniswap/v4-periphery",
  "viem",
];

/** Source files that decide what the world contains. */
function inputSources(): string[] {
  const deploy = join(DEVNET_DIR, "deploy");
  const modules = readdirSync(deploy)
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .map((file) => join(deploy, file));
  return [
    ...modules,
    join(DEVNET_DIR, "build-world.ts"),
    join(DEVNET_DIR, "world-files.ts"),
    join(ROOT_DIR, "lib", "chain", "mainnet.ts"),
  ].sort();
}

/** Hash of the build's inputs: the build scripts' source and the versions of the packages they deploy. */
export function worldInputsHash(): string {
  const hash = createHash("sha256");
  for (const file of inputSources()) hash.update(file.slice(ROOT_DIR.length)).update(readFileSync(file));
  for (const name of INPUT_PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(ROOT_DIR, "node_modules", name, "package.json"), "utf8"));
    hash.update(`${name}@${manifest.version}`);
  }
  return hash.digest("hex").slice(0, 16);
}

export const cachedStatePath = (hash: string) => join(CACHE_DIR, hash, "state.json");
export const isCached = (hash: string) => existsSync(cachedStatePath(hash));
