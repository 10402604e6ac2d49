import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addressesFileWith, buildWorldInto } from "./build-world";
import { ADDRESSES_FILE, WORLD_DIR, worldInputsHash } from "./world-files";

describe("building the world", () => {
  const outDir = mkdtempSync(join(tmpdir(), "ferry-world-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("is deterministic: a fresh build rewrites lib/addresses.json byte for byte", async () => {
    const addresses = await buildWorldInto(outDir, "determinism-test");
    expect(addressesFileWith(addresses)).toBe(readFileSync(ADDRESSES_FILE, "utf8"));
  });

  it("is deterministic to the state: the same last block hash as the cached build of the same inputs", () => {
    const meta = (dir: string) => JSON.parse(readFileSync(join(dir, "meta.json"), "utf8"));
    const cached = meta(WORLD_DIR);
    expect(cached.inputsHash, "the cached world was built from the current inputs").toBe(worldInputsHash());
    expect(meta(outDir).blockHash).toBe(cached.blockHash);
  });

  it("writes allocs that forge's vm.loadAllocs reads: address → {nonce, balance, code, storage}", () => {
    const allocs = JSON.parse(readFileSync(join(outDir, "allocs.json"), "utf8"));
    const addresses = JSON.parse(readFileSync(join(outDir, "addresses.json"), "utf8"));
    const npm = allocs[addresses.uniswapV3.positionManager.toLowerCase()];
    expect(npm.code.length).toBeGreaterThan(1000);
    expect(Object.keys(npm.storage).length).toBeGreaterThan(0);
    expect(allocs[addresses.accounts.ferryDeployer.toLowerCase()].nonce).toBe(0);
  });
});
