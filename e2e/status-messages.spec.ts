import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";
import { holdRpcRequests } from "./support/rpcRequests";

const PAIR = "WETH / USDC";

test("an RPC unreachable at load is said plainly, with a Retry that recovers once it is back", async ({
  page,
  wallet,
}) => {
  const refuse = (route: import("@playwright/test").Route) => route.abort("connectionrefused");
  await page.route(e2eEnv("rpcUrl"), refuse);
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  const unreachable = page.getByRole("alert").filter({ hasText: "Ferry cannot reach the network node" });
  await expect(unreachable).toBeVisible();
  await expect(page.getByText("still trying")).toHaveCount(0);

  // Retry asks every failing read again at once, also those still waiting out their automatic retries: the alert
  // goes as soon as they are asked, before any answer (held here) could have cleared it.
  await page.unroute(e2eEnv("rpcUrl"), refuse);
  const rpc = await holdRpcRequests(page, e2eEnv("rpcUrl"));
  await unreachable.getByRole("button", { name: "Retry" }).click();
  await expect(unreachable).toHaveCount(0);
  await rpc.release();
  await expect(page.getByRole("checkbox", { name: `Migrate ${PAIR}` })).toBeVisible();
  await expect(unreachable).toHaveCount(0);
});

test("the indexer down on the dashboard is said plainly, with a Retry that recovers", async ({ page }) => {
  const indexer = `${e2eEnv("indexerUrl")}/**`;
  const refuse = (route: import("@playwright/test").Route) => route.abort("connectionrefused");
  await page.route(indexer, refuse);
  await page.goto("/dashboard");
  const down = page.getByRole("alert").filter({ hasText: "statistics service" });
  await expect(down).toContainText("cannot be reached right now");
  await expect(down).not.toContainText("Failed to fetch");

  await page.unroute(indexer, refuse);
  await down.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByText("TVL migrated")).toBeVisible();
  await expect(down).toHaveCount(0);
});

test("an old 'You rejected…' is replaced by a newer error elsewhere on the page", async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, PAIR);
  await ui.waitForPreview(page);
  await ui.review(page);
  wallet.rejectNextRequest("eth_signTypedData_v4");
  await ui.sign(page);
  const rejected = page.getByRole("alert").filter({ hasText: "You rejected the request in your wallet" });
  await expect(rejected).toBeVisible();

  // A newer step in the Aave card fails on the network: its error is the one shown.
  await page.route(e2eEnv("rpcUrl"), (route) => route.abort("connectionrefused"));
  await ui.aaveCard(page).getByRole("button", { name: "Review Aave authorisations" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The network node did not answer" })).toBeVisible();
  await expect(rejected).toHaveCount(0);
});

test("in approval mode the authorisation step is gone once it is mined, while the migration is pending", async ({
  page,
  wallet,
  chain,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.selectWithApprovals(page, PAIR);

  await chain.setAutomine(false);
  await page.getByRole("button", { name: "Approve and migrate" }).click();
  const authorising = page.getByRole("status").filter({ hasText: "Sending authorisation 1 of 1" });
  await expect(authorising).toBeVisible();
  await expect.poll(() => wallet.sentTransactions.length).toBe(1);
  await chain.mine({ blocks: 1 });

  // The approval is mined; the migration is sent and waits in the pool.
  await expect(ui.pending(page)).toBeVisible();
  await expect(authorising).toHaveCount(0);
  await chain.mine({ blocks: 1 });
  await expect(ui.migrated(page)).toBeVisible();
  await expect(ui.pending(page)).toHaveCount(0);
  expect(wallet.sentTransactions).toHaveLength(2);
});
