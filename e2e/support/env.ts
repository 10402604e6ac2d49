/** Environment variables through which the global setup tells the tests where the chain and the app run. */
export const E2E_ENV = {
  rpcUrl: "FERRY_E2E_RPC_URL",
  appUrl: "FERRY_E2E_APP_URL",
  indexerUrl: "FERRY_E2E_INDEXER_URL",
  rewardsDir: "FERRY_E2E_REWARDS_DIR",
} as const;

export function e2eEnv(name: keyof typeof E2E_ENV): string {
  const value = process.env[E2E_ENV[name]];
  if (!value) throw new Error(`${E2E_ENV[name]} is not set: run the tests through playwright.config.ts`);
  return value;
}
