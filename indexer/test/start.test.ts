import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, startAnvil } from "../../devnet/anvil";
import { startIndexer } from "../start";

const WORLD = 31337;
const dir = mkdtempSync(join(tmpdir(), "ferry-indexer-start-"));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("startIndexer start-up errors", () => {
  it("names an RPC that does not answer", async () => {
    const rpcUrl = `http://127.0.0.1:${await freePort()}`;
    await expect(startIndexer({ rpcUrl, chainId: WORLD })).rejects.toThrow(
      `the indexer cannot reach the RPC ${rpcUrl}`,
    );
  });

  it("refuses an RPC that serves another chain", async () => {
    const node = await startAnvil(["--chain-id", "5"]);
    try {
      await expect(startIndexer({ rpcUrl: node.rpcUrl, chainId: WORLD })).rejects.toThrow(
        `the RPC ${node.rpcUrl} serves chain 5, not ${WORLD}`,
      );
    } finally {
      await node.stop();
    }
  });

  it("refuses a chain without Multicall3, which the epoch snapshots batch their reads through", async () => {
    const node = await startAnvil(["--chain-id", String(WORLD)]);
    try {
      await expect(startIndexer({ rpcUrl: node.rpcUrl, chainId: WORLD })).rejects.toThrow(
        `no Multicall3 at 0xcA11bde05977b3631167028862bE2a173976CA11 on chain ${WORLD}`,
      );
    } finally {
      await node.stop();
    }
  });

  it("refuses a chain where Ferry is not deployed", async () => {
    await expect(startIndexer({ rpcUrl: "http://127.0.0.1:1", chainId: 5 })).rejects.toThrow(
      "Ferry is not deployed on chain 5: lib/ferry.json has no entry for it",
    );
  });

  it("reports what is wrong in the points rule", async () => {
    const pointsConfig = join(dir, "points.json");
    writeFileSync(
      pointsConfig,
      JSON.stringify({
        startTime: 1,
        pointsPerUsdPerDay: 0,
        boostDays: 0,
        boostMultiplierBps: 1,
        targetUsd: 1,
        excluded: [],
      }),
    );
    await expect(startIndexer({ rpcUrl: "http://127.0.0.1:1", chainId: WORLD, pointsConfig })).rejects.toThrow(
      "invalid points rule: pointsPerUsdPerDay must be a positive number",
    );
  });
});
