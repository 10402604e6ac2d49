import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

test.use({ viewport: { width: 390, height: 844 }, colorScheme: "dark" });

test("the migrate page works on a phone-sized screen in dark mode, by keyboard", async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  // Reach the first position's checkbox and tick it with the keyboard alone.
  const checkbox = page.getByRole("checkbox", { name: "Migrate WETH / USDC" });
  await checkbox.focus();
  await page.keyboard.press("Space");
  await expect(checkbox).toBeChecked();
  await page.keyboard.press("Tab");
  await ui.waitForPreview(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, "no horizontal scrolling on a phone").toBeLessThanOrEqual(390);
  await page.screenshot({ path: test.info().outputPath("phone-dark.png"), fullPage: true });
});
