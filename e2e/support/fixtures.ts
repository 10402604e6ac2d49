import { test as base, expect, type Page } from "@playwright/test";
import { createTestClient, type Hash, http, publicActions } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { rpc } from "../../devnet/anvil";
import { ACCOUNT_INDEX, WORLD_CHAIN_ID as CHAIN_ID, devPrivateKey } from "../../devnet/deploy/config";
import { revert, snapshot } from "../../devnet/world";
import { parseChainConfig, toViemChain } from "../../lib/chain/config";
import { e2eEnv } from "./env";
import { TestWallet } from "./testWallet";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost"]);

function createChainClient() {
  const chain = toViemChain(parseChainConfig({ FERRY_CHAIN_ID: String(CHAIN_ID), FERRY_RPC_URL: e2eEnv("rpcUrl") }));
  return createTestClient({ chain, mode: "anvil", transport: http() }).extend(publicActions);
}

export type ChainClient = ReturnType<typeof createChainClient>;

/**
 * Waits (30 s at most) until the e2e indexer has indexed block `head`. A revert shortens the chain: an indexer still
 * handling a block the revert removes reads at a height the node no longer has, and Ponder stops on that error. A
 * real chain replaces its blocks in a reorg rather than shrinking, so only the harness waits for this.
 */
async function indexedUpTo(head: bigint): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const status = await fetch(`${e2eEnv("indexerUrl")}/status`)
      .then((response) => response.json() as Promise<Record<string, { block?: { number: number } }>>)
      .catch(() => undefined);
    // An indexer that does not answer has nothing to wait for: the test that needs it says so.
    if (!status || Object.values(status).some(({ block }) => block !== undefined && block.number >= Number(head)))
      return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const test = base.extend<{
  chain: ChainClient;
  wallet: TestWallet;
  /** The world's demo account the wallet holds (see devnet/README.md): alice unless a test says otherwise. */
  demoAccount: keyof typeof ACCOUNT_INDEX;
  offlineGuard: void;
}>({
  demoAccount: ["alice", { option: true }],
  baseURL: async ({}, use) => use(e2eEnv("appUrl")),

  // Every test starts from the same chain state: snapshot before, revert after.
  chain: async ({}, use) => {
    const client = createChainClient();
    const id = await snapshot(e2eEnv("rpcUrl"));
    await use(client);
    // evm_revert restores the state, not the mining mode or the pool: a test that stopped automining leaves neither.
    await rpc(e2eEnv("rpcUrl"), "anvil_dropAllTransactions", []);
    await client.setAutomine(true);
    await indexedUpTo(await client.getBlockNumber());
    await revert(e2eEnv("rpcUrl"), id);
  },

  wallet: async ({ page, chain, demoAccount }, use) => {
    const wallet = new TestWallet(privateKeyToAccount(devPrivateKey(ACCOUNT_INDEX[demoAccount])), chain.chain);
    await wallet.install(page);
    await use(wallet);
  },

  // No request of the page may leave this machine.
  offlineGuard: [
    async ({ page }, use) => {
      const outside: string[] = [];
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (
          (url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:") &&
          !LOCAL_HOSTS.has(url.hostname)
        ) {
          outside.push(request.url());
        }
      });
      await use();
      expect(outside, "requests that left 127.0.0.1").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Connects the test wallet through the real RainbowKit modal. */
export async function connectWallet(page: Page, wallet: TestWallet) {
  await page.getByRole("button", { name: "Connect Wallet" }).first().click();
  await page
    .getByRole("dialog")
    .getByRole("button", { name: /Test Wallet/ })
    .click();
  const short = `${wallet.account.address.slice(0, 4)}…${wallet.account.address.slice(-4)}`;
  await expect(page.getByRole("button", { name: new RegExp(short) })).toBeVisible();
}

/** Asserts that a flow sent exactly `count` transactions, by the wallet's record and by the account's nonce. */
export async function expectTransactionCount(
  chain: ChainClient,
  wallet: TestWallet,
  nonceBefore: number,
  count: number,
): Promise<Hash[]> {
  expect(wallet.sentTransactions, "transactions sent by the wallet").toHaveLength(count);
  const nonceAfter = await chain.getTransactionCount({ address: wallet.account.address });
  expect(nonceAfter - nonceBefore, "transactions mined from the account").toBe(count);
  return wallet.sentTransactions;
}
