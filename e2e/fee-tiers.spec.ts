import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

test("the fee tier choice shows each tier's pool, starts on the deepest one, and warns before creating a pool", async ({
  page,
  wallet,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "DAI / USDC");
  const tiers = ui.feeTiers(page, "DAI / USDC");
  // DAI/USDC trades only at 0.01% in the world: that is where the position goes unless the user says otherwise.
  await expect(tiers.getByRole("radio", { name: /^0\.01% · \$[\d,]+\.\d\d in the pool$/ })).toBeChecked();
  await expect(tiers.getByRole("radio", { name: "0.05% · no pool yet" })).not.toBeChecked();
  await expect(tiers.getByRole("radio", { name: "0.3% · no pool yet" })).toBeVisible();
  await ui.waitForPreview(page);
  await expect(page.getByTestId("refund"), "refunds valued in USD").toHaveText(/ DAI \+ .* USDC \(\$[\d,]+\.\d\d\)$/);
  const newPool = page.getByRole("alert").filter({ hasText: "No one has opened a Uniswap V3 pool" });
  await expect(newPool).toHaveCount(0);

  await ui.fee(page, "DAI / USDC", "0.3%");
  await expect(newPool).toContainText("No one has opened a Uniswap V3 pool for DAI / USDC at 0.3% yet");
  await expect(newPool).toContainText("earns no fees until traders and other providers come");
  await expect(newPool).toContainText("Pools already trade at 0.01%");
  await expect(page.getByLabel("Preview of DAI / USDC")).toContainText("No pool yet");
});
