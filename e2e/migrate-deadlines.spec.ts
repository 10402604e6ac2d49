import type { Page } from "@playwright/test";
import { getAbiItem, toFunctionSelector, walletActions } from "viem";
import { rpc } from "../devnet/anvil";
import { migratorAbi } from "../lib/generated/abis";
import { ferryDeploymentFor } from "../lib/migrator/deployment";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

const PAIR = "WETH / USDC";

interface RpcCall {
  id: number;
  method: string;
  params?: { data?: string }[];
}
const HOUR_S = 3_600;

/** The browser's clock, moved `seconds` from now (Date.now only: timers keep running). */
const browserClockAt = (page: Page, seconds: number) => page.clock.setFixedTime(Date.now() + seconds * 1_000);

/** The chain's next blocks come `seconds` later than they would; its latest block stays where it is, as on an idle chain. */
const chainNextBlocksLater = (seconds: number) => rpc(e2eEnv("rpcUrl"), "evm_increaseTime", [seconds]);

async function selectAndSign(page: Page) {
  await ui.select(page, PAIR);
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
}

const permit = (page: Page) => page.getByRole("list", { name: `Permit for ${PAIR}` });

test("an idle chain far behind the clock: the permit's deadline is in the future by both, and the migration goes through", async ({
  page,
  wallet,
}) => {
  // The chain mined nothing for two hours: its latest block is two hours old, its next block and the clock are now.
  await chainNextBlocksLater(2 * HOUR_S);
  await browserClockAt(page, 2 * HOUR_S);
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await selectAndSign(page);
  await expect(permit(page)).toContainText(/Valid until: in (19|20) minutes, at \d\d:\d\d/);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
  expect(wallet.sentTransactions).toHaveLength(1);
});

test("a chain ahead of the clock: the deadline counts from the chain's time", async ({ page, wallet, chain }) => {
  await chainNextBlocksLater(2 * HOUR_S);
  await chain.mine({ blocks: 1 });
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await selectAndSign(page);
  const [signed] = wallet.signedTypedData;
  if (!signed) throw new Error("the permit was not signed");
  const { timestamp } = await chain.getBlock();
  expect(BigInt((signed.message as { deadline: string }).deadline)).toBeGreaterThanOrEqual(timestamp + 19n * 60n);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
});

test("a permit that expired while the user waited is asked again before anything is sent", async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await selectAndSign(page);
  await expect(permit(page)).toContainText("✓ Signed");

  // 21 minutes pass on both clocks before the user clicks Migrate: the 20-minute permit has expired.
  await chainNextBlocksLater(21 * 60);
  await browserClockAt(page, 21 * 60);
  await ui.migrate(page);
  await expect(page.getByRole("main")).toContainText("Your signatures had expired or were about to");
  await expect(permit(page)).toContainText("Not signed yet");
  await expect(permit(page)).not.toContainText("already expired");
  expect(wallet.sentTransactions, "nothing sent to revert").toHaveLength(0);

  await ui.sign(page);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
  expect(wallet.signedTypedData, "signed twice").toHaveLength(2);
  expect(wallet.sentTransactions).toHaveLength(1);
});

test("a revert only the wallet sees is explained in words, without calldata, and the page keeps its width", async ({
  page,
  wallet,
  chain,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await selectAndSign(page);

  // The guardian pauses Ferry, and the page's own simulation is answered as if it still passed: the revert surfaces
  // only in the wallet's gas estimate, as when the page's node and the wallet's disagree.
  const migrator = ferryDeploymentFor(chain.chain.id)?.migrator;
  if (!migrator) throw new Error("Ferry is not deployed on the e2e chain");
  const guardian = await chain.readContract({ address: migrator, abi: migratorAbi, functionName: "GUARDIAN" });
  await chain.impersonateAccount({ address: guardian });
  await chain.setBalance({ address: guardian, value: 10n ** 18n });
  await chain.extend(walletActions).writeContract({
    account: guardian,
    chain: chain.chain,
    address: migrator,
    abi: migratorAbi,
    functionName: "setPaused",
    args: [true],
  });
  const migrateSelector = toFunctionSelector(getAbiItem({ abi: migratorAbi, name: "migrate" }));
  await page.route(e2eEnv("rpcUrl"), async (route) => {
    const body = route.request().postDataJSON() as RpcCall | RpcCall[];
    const simulation =
      !Array.isArray(body) && body.method === "eth_call" && body.params?.[0]?.data?.startsWith(migrateSelector);
    if (!simulation) return route.continue();
    return route.fulfill({ json: { jsonrpc: "2.0", id: body.id, result: "0x" } });
  });

  await ui.migrate(page);
  const alert = ui.alert(page);
  await expect(alert).toContainText("Ferry's guardian has paused migrations");
  await expect(alert).not.toContainText(/0x[0-9a-fA-F]{8}/);
  expect(wallet.sentTransactions).toHaveLength(0);
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(widths.page, "the page never grows wider than the viewport").toBeLessThanOrEqual(widths.view);
});
