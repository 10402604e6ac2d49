import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

test("a retry after a failed migration does not ask again for an approval already mined", async ({
  page,
  wallet,
  chain,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.selectWithApprovals(page, "WETH / USDC");

  // The approval is sent and mined; the user then rejects the migration itself.
  await chain.setAutomine(false);
  await page.getByRole("button", { name: "Approve and migrate" }).click();
  await expect.poll(() => wallet.sentTransactions.length).toBe(1);
  wallet.rejectNextRequest("eth_sendTransaction");
  await chain.mine({ blocks: 1 });
  await expect(page.getByRole("alert").filter({ hasText: "You rejected the request in your wallet" })).toBeVisible();
  await chain.setAutomine(true);

  // The retry sends the migration alone: the LP allowance is on chain already.
  await page.getByRole("button", { name: "Approve and migrate" }).click();
  await expect(ui.migrated(page)).toBeVisible();
  expect(wallet.sentTransactions).toHaveLength(2);
});
