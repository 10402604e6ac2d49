import { parseUnits } from "viem";
import { movePrice } from "../devnet/market";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";
import { holdRpcRequests } from "./support/rpcRequests";

const PAIR = "WETH / USDC";

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, PAIR);
});

test("rejecting the transaction keeps the signed permit and sends nothing", async ({ page, wallet }) => {
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
  wallet.rejectNextRequest("eth_sendTransaction");
  await ui.migrate(page);
  await expect(ui.alert(page)).toContainText("You rejected the request in your wallet");
  expect(wallet.sentTransactions).toHaveLength(0);

  await ui.migrate(page);
  await expect(page.getByRole("heading", { name: "Migrated" })).toBeVisible();
  expect(wallet.sentTransactions).toHaveLength(1);
});

test("a price move after signing is explained before any gas is paid", async ({ page, wallet }) => {
  await ui.fee(page, PAIR, "0.3%");
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
  // Someone pushes the V3 pool's price by 2% after the user signed: beyond the 0.5% tolerance.
  await movePrice(e2eEnv("rpcUrl"), { venue: { v3: "WETH_USDC_3000" }, sell: "WETH", amount: parseUnits("20", 18) });
  await ui.migrate(page);
  await expect(ui.alert(page)).toContainText("price moved");
  expect(wallet.sentTransactions, "nothing sent, no gas paid").toHaveLength(0);
});

test("invalid inputs get a sentence each, keep what was typed, and block the migration", async ({ page }) => {
  const share = ui.share(page, PAIR);
  for (const [typed, message] of [
    ["", "Enter how much of the position to move"],
    ["abc", "Use a number such as 50 or 12.5."],
    ["-5", "Use a number such as 50 or 12.5."],
    ["150", "The percentage must be above 0 and at most 100."],
    ["12.345", "Use at most two decimals."],
  ] as const) {
    await share.fill(typed);
    await expect(page.getByRole("main")).toContainText(message);
    await expect(share).toHaveValue(typed);
    await expect(page.getByRole("button", { name: "Review what you sign" })).toBeDisabled();
  }
  await share.fill("100");

  const slippage = page.getByLabel("Slippage tolerance (%)");
  await slippage.fill("60");
  await expect(page.getByRole("main")).toContainText("Slippage above 50% is refused");
  await slippage.fill("0.5");

  await ui.range(page, PAIR, "Custom");
  await page.getByLabel(/^Min price/).fill("4000");
  await page.getByLabel(/^Max price/).fill("3000");
  await expect(ui.alert(page)).toContainText("The min price must be below the max price.");
  await expect(page.getByLabel(/^Min price/)).toHaveValue("4000");
  await expect(page.getByRole("button", { name: "Review what you sign" })).toBeDisabled();
});

test("an unreachable RPC says so, and the page recovers when it is back", async ({ page }) => {
  await ui.waitForPreview(page);
  await page.route(e2eEnv("rpcUrl"), (route) => route.abort("connectionrefused"));
  await ui.review(page);
  await expect(ui.alert(page)).toContainText("The network node did not answer");
  await page.unroute(e2eEnv("rpcUrl"));
  await ui.review(page);
  await expect(page.getByRole("list", { name: `Permit for ${PAIR}` })).toBeVisible();
});

test("a slow RPC is said in words, inputs stay usable, and the message goes when the answer comes", async ({
  page,
}) => {
  await ui.waitForPreview(page);
  const gas = await page.getByTestId("gas-estimate").textContent();
  const slow = page.getByRole("status").filter({ hasText: "The network is slow to answer" });
  await expect(slow).toHaveCount(0);

  const rpc = await holdRpcRequests(page, e2eEnv("rpcUrl"));
  await ui.share(page, PAIR).fill("50");
  await expect(slow).toBeVisible();
  await ui.share(page, PAIR).fill("40");
  await expect(ui.share(page, PAIR)).toHaveValue("40");
  await expect(page.getByLabel("Slippage tolerance (%)")).toBeEditable();

  await rpc.release();
  await expect(page.getByTestId("gas-estimate")).not.toHaveText(gas ?? "");
  await expect(slow).toHaveCount(0);
});

test("not enough ETH for gas is said before sending", async ({ page, wallet, chain }) => {
  await chain.setBalance({ address: wallet.account.address, value: 1000n });
  await page.reload();
  await ui.select(page, PAIR);
  await ui.waitForPreview(page);
  await expect(ui.reviewCard(page).getByRole("alert")).toContainText("not have enough ETH to pay for gas");
  await expect(ui.aaveCard(page).getByRole("alert"), "the Aave card too").toContainText("not have enough ETH");
});
