import { connectWallet, expect, test } from "./support/fixtures";

test("connects through the RainbowKit modal and shows the account", async ({ page, wallet }) => {
  await page.goto("/");
  await connectWallet(page, wallet);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
