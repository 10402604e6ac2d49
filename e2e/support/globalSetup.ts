import { startAnvil } from "../../devnet/anvil";
import { ensureWorld } from "../../devnet/build-world";
import { WORLD_CHAIN_ID as CHAIN_ID } from "../../devnet/deploy/config";
import { startApp } from "../../devnet/nextApp";
import { WORLD_STATE } from "../../devnet/world-files";
import { E2E_ENV } from "./env";

/**
 * Starts the world node, an anvil forking it (the tests' chain: fork mode runs on every e2e run, and each test
 * reverts to the same state) and the production app pointed at the fork. Returns the teardown.
 */
export default async function globalSetup() {
  await ensureWorld();
  const stops: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop();
  };
  try {
    const world = await startAnvil(["--chain-id", String(CHAIN_ID), "--load-state", WORLD_STATE]);
    stops.push(world.stop);
    const fork = await startAnvil(["--chain-id", String(CHAIN_ID), "--fork-url", world.rpcUrl]);
    stops.push(fork.stop);
    const app = await startApp({ rpcUrl: fork.rpcUrl, chainId: CHAIN_ID });
    stops.push(app.stop);
    process.env[E2E_ENV.rpcUrl] = fork.rpcUrl;
    process.env[E2E_ENV.appUrl] = app.url;
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
