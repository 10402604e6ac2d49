import { connectWallet, expect, test } from "./support/fixtures";

test("on a wrong network nothing can be signed until the wallet switches back", async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await expect(page.getByRole("checkbox", { name: "Migrate WETH / USDC" })).toBeVisible();

  await wallet.userSwitchesTo(1);
  await expect(page.getByRole("heading", { name: "Wrong network" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: /^Migrate / })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Review what you sign" })).toHaveCount(0);

  await page.getByRole("button", { name: /^Switch to / }).click();
  await expect(page.getByRole("checkbox", { name: "Migrate WETH / USDC" })).toBeVisible();
  expect(wallet.signedTypedData, "nothing signed").toHaveLength(0);
});
