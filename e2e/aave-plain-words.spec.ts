import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

test.use({ demoAccount: "carol" });

test("the Aave card says what happens in plain words: health factors, stable-rate debt, signature buffers", async ({
  page,
  wallet,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  const card = ui.aaveCard(page);
  // Carol owes DAI at a stable rate: moving everything leaves her V2 account without debt.
  await expect(card.getByTestId("health-factors")).toHaveText(
    /^Health factor now: \d+\.\d\d · Aave V2 account after: no debt left · Aave V3 account after: \d+\.\d\d \(liquidation below 1\.00\)$/,
  );
  await expect(card.getByRole("status").filter({ hasText: "stable rate" })).toHaveText(
    "Your DAI debt has a stable rate on Aave V2. Aave V3 reopens it at a variable rate, which follows the market and can rise or fall.",
  );
  await expect(card).toContainText("The signatures allow 1% more than each balance");
  // Rates from both pools, ray → APY: DAI is borrowed on V2, so it pays and earns interest there.
  const rates = card.getByRole("table", { name: "Interest rates: Aave V2 → Aave V3" });
  await expect(rates.getByRole("row", { name: /^DAI/ })).toHaveText(
    /^DAI\d+\.\d\d% → \d+\.\d\d%\d+\.\d\d% → \d+\.\d\d%$/,
  );
  await expect(rates.getByRole("row", { name: /^DAI/ }).getByRole("cell").nth(1), "V2 DAI borrow APY").not.toHaveText(
    /^0\.00%/,
  );

  await card.getByLabel("Minimum health factor on Aave V3").fill("high");
  await expect(card).toContainText("The minimum health factor must be a number, e.g. 1.5.");
});
