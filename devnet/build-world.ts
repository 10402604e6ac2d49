import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gunzipSync } from "node:zlib";
import type { Hex } from "viem";
import { MAINNET_ADDRESSES, MAINNET_CHAIN_ID } from "../lib/chain/mainnet";
import { toAllocs } from "./allocs";
import { rpc, startAnvil } from "./anvil";
import { deployAaveV2 } from "./deploy/aave-v2";
import { deployAaveV3 } from "./deploy/aave-v3";
import { Chain } from "./deploy/chain";
import {
  accounts,
  BLOCK_TIME_SECONDS,
  DEV_ACCOUNT_BALANCE_ETH,
  GENESIS_TIMESTAMP,
  WORLD_CHAIN_ID,
} from "./deploy/config";
import { fundDemoWallets, seedAaveV2Positions, seedUniswapPositions } from "./deploy/demo-accounts";
import { placeMulticall3 } from "./deploy/multicall3";
import { deployTokens } from "./deploy/tokens";
import { deployUniswapV2 } from "./deploy/uniswap-v2";
import { deployUniswapV3 } from "./deploy/uniswap-v3";
import { deployUniswapV4 } from "./deploy/uniswap-v4";
import {
  ADDRESSES_FILE,
  CACHE_DIR,
  cachedStatePath,
  isCached,
  WORLD_DIR,
  WORLD_META,
  worldInputsHash,
} from "./world-files";

export interface WorldMeta {
  inputsHash: string;
  chainId: number;
  blockNumber: number;
  blockTimestamp: number;
  blockHash: Hex;
}

/** Deploys every protocol and seeds the demo accounts; returns the addresses file's entry for this chain. */
export async function deployWorld(chain: Chain) {
  const deployer = accounts.deployer;
  await placeMulticall3(chain.rpcUrl);
  const tokens = await deployTokens(chain, deployer);
  const uniswapV2 = await deployUniswapV2(chain, deployer, tokens);
  const uniswapV3 = await deployUniswapV3(chain, deployer, tokens);
  const uniswapV4 = await deployUniswapV4(chain, deployer, tokens, uniswapV2, uniswapV3);
  const aaveV2 = await deployAaveV2(chain, deployer, tokens);
  const aaveV3 = await deployAaveV3(chain, deployer, tokens);
  const v3Positions = await seedUniswapPositions(chain, tokens, uniswapV2, uniswapV3);
  await seedAaveV2Positions(chain, tokens, aaveV2);
  await fundDemoWallets(chain, tokens);
  return {
    accounts,
    tokens,
    uniswapV2,
    uniswapV3: { ...uniswapV3, positions: v3Positions },
    uniswapV4,
    aaveV2,
    aaveV3,
  };
}

export type WorldEntry = Awaited<ReturnType<typeof deployWorld>>;

/** Builds the world on a private anvil and writes state, allocs, meta and addresses into `outDir`. */
export async function buildWorldInto(outDir: string, inputsHash: string): Promise<WorldEntry> {
  const node = await startAnvil([
    "--chain-id",
    String(WORLD_CHAIN_ID),
    "--timestamp",
    String(GENESIS_TIMESTAMP),
    "--balance",
    String(DEV_ACCOUNT_BALANCE_ETH),
  ]);
  try {
    // Block times from the wall clock would make interest, hence state and gas, differ from build to build.
    await rpc(node.rpcUrl, "anvil_setBlockTimestampInterval", [BLOCK_TIME_SECONDS]);
    const chain = new Chain(node.rpcUrl);
    const addresses = await deployWorld(chain);
    const block = await chain.public.getBlock();
    const dump = await rpc<string>(node.rpcUrl, "anvil_dumpState", []);
    const state = gunzipSync(Buffer.from(dump.slice(2), "hex")).toString("utf8");
    const meta: WorldMeta = {
      inputsHash,
      chainId: WORLD_CHAIN_ID,
      blockNumber: Number(block.number),
      blockTimestamp: Number(block.timestamp),
      blockHash: block.hash,
    };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, "state.json"), state);
    writeFileSync(join(outDir, "allocs.json"), JSON.stringify(toAllocs(JSON.parse(state))));
    writeFileSync(join(outDir, "meta.json"), `${JSON.stringify(meta, null, 2)}\n`);
    writeFileSync(join(outDir, "addresses.json"), `${JSON.stringify(addresses, null, 2)}\n`);
    return addresses;
  } finally {
    await node.stop();
  }
}

/** `lib/addresses.json`: the world's addresses and the mainnet address book, keyed by chain id. */
export function addressesFileWith(addresses: WorldEntry): string {
  return `${JSON.stringify({ [MAINNET_CHAIN_ID]: MAINNET_ADDRESSES, [WORLD_CHAIN_ID]: addresses }, null, 2)}\n`;
}

/** Drops finished builds of older inputs (10 MB each, never loaded again); other processes' scratch stays. */
function pruneOtherBuilds(keep: string) {
  for (const entry of readdirSync(CACHE_DIR)) {
    const olderBuild = /^[0-9a-f]{16}$/.test(entry) && entry !== keep;
    if (olderBuild) rmSync(join(CACHE_DIR, entry), { recursive: true, force: true });
  }
}

/**
 * Makes `devnet/.cache/world/` and `lib/addresses.json` match the current inputs, building only on a cache miss.
 * Returns whether a build ran.
 */
export async function ensureWorld(): Promise<{ built: boolean; inputsHash: string }> {
  const inputsHash = worldInputsHash();
  const cacheDir = join(CACHE_DIR, inputsHash);
  const built = !isCached(inputsHash);
  // Test runners, forge and e2e may ensure the world at the same time: build and copy into private directories,
  // then rename, so nobody reads a half-written world.
  if (built) {
    const scratch = `${cacheDir}.building-${process.pid}`;
    await buildWorldInto(scratch, inputsHash);
    if (isCached(inputsHash)) rmSync(scratch, { recursive: true, force: true });
    else renameSync(scratch, cacheDir);
    pruneOtherBuilds(inputsHash);
  }
  const current = existsSync(WORLD_META) ? (JSON.parse(readFileSync(WORLD_META, "utf8")) as WorldMeta) : undefined;
  if (current?.inputsHash !== inputsHash) {
    const scratch = `${WORLD_DIR}.copying-${process.pid}`;
    cpSync(cacheDir, scratch, { recursive: true });
    rmSync(WORLD_DIR, { recursive: true, force: true });
    renameSync(scratch, WORLD_DIR);
  }
  const addresses = JSON.parse(readFileSync(join(cacheDir, "addresses.json"), "utf8")) as WorldEntry;
  const file = addressesFileWith(addresses);
  if (!existsSync(ADDRESSES_FILE) || readFileSync(ADDRESSES_FILE, "utf8") !== file) writeFileSync(ADDRESSES_FILE, file);
  return { built, inputsHash };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  const { built, inputsHash } = await ensureWorld();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${built ? "built" : "cached"} world ${inputsHash} in ${seconds} s → ${cachedStatePath(inputsHash)}`);
}
