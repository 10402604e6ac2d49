import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

test("a high slippage tolerance is explained, and a very high one needs a confirmation before signing", async ({
  page,
  wallet,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await ui.waitForPreview(page);
  const card = ui.reviewCard(page);
  const slippage = card.getByLabel("Slippage tolerance (%)");
  const review = card.getByRole("button", { name: "Review what you sign" });
  const accept = card.getByLabel("I accept losing up to 50% to price moves");

  await slippage.fill("8");
  await expect(card.getByText("High slippage. With 8% slippage")).toBeVisible();
  await expect(review).toBeEnabled();

  await slippage.fill("50");
  await expect(card.getByRole("alert").filter({ hasText: "Very high slippage" })).toBeVisible();
  await expect(review).toBeDisabled();
  await accept.check();
  await expect(review).toBeEnabled();

  // Another tolerance asks again.
  await slippage.fill("30");
  await expect(review).toBeDisabled();
  await slippage.fill("0.5");
  await expect(card.getByText(/slippage\. With/)).toHaveCount(0);
  await expect(review).toBeEnabled();
});
