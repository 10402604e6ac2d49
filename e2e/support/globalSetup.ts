import { CHAIN_ID, startAnvil } from "../../devnet/anvil";
import { startApp } from "../../devnet/nextApp";
import { E2E_ENV } from "./env";

/** Starts the chain and the production app once for the whole run; returns the teardown. */
export default async function globalSetup() {
  const chain = await startAnvil(["--chain-id", String(CHAIN_ID)]);
  const app = await startApp({ rpcUrl: chain.rpcUrl, chainId: CHAIN_ID }).catch(async (error) => {
    await chain.stop();
    throw error;
  });
  process.env[E2E_ENV.rpcUrl] = chain.rpcUrl;
  process.env[E2E_ENV.appUrl] = app.url;
  return async () => {
    await app.stop();
    await chain.stop();
  };
}
