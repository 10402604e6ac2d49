import type { Address } from "viem";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { revert, snapshot } from "./world";
import { deployScratchMigrator, startWorldClient, type WorldClient } from "./worldClient";

/** A world node, its clients and a Ferry deployed on it. */
export interface MigratorWorld extends WorldClient {
  migrator: Address;
}

/**
 * Registers a world test file's hooks: one world node with Ferry deployed for the file, handed to `use` once up and
 * stopped after the file, and every test run from the same state (a snapshot before it, reverted after).
 */
export function withMigratorWorld(use: (world: MigratorWorld) => void): void {
  let started: WorldClient | undefined;
  let id = "";
  const rpcUrl = () => {
    if (!started) throw new Error("the world did not start");
    return started.world.rpcUrl;
  };
  beforeAll(async () => {
    started = await startWorldClient();
    use({ ...started, migrator: await deployScratchMigrator(started.world) });
  }, 240_000);
  afterAll(() => started?.world.stop());
  beforeEach(async () => {
    id = await snapshot(rpcUrl());
  });
  afterEach(() => revert(rpcUrl(), id));
}
