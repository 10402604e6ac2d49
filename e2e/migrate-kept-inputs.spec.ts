import type { Page } from "@playwright/test";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

const PAIR = "WETH / USDC";

const rangeChoice = (page: Page, preset: string) =>
  page.getByRole("radiogroup", { name: `Price range for ${PAIR}` }).getByRole("radio", { name: preset });

/** Every choice made below, as the page shows it. */
async function expectChoicesKept(page: Page) {
  await expect(page.getByRole("checkbox", { name: `Migrate ${PAIR}` })).toBeChecked();
  await expect(ui.share(page, PAIR)).toHaveValue("40");
  await expect(ui.feeTiers(page, PAIR).getByRole("radio", { name: /^1% · / })).toBeChecked();
  await expect(rangeChoice(page, "±25%")).toBeChecked();
  await expect(page.getByLabel("Slippage tolerance (%)")).toHaveValue("1.5");
  await expect(ui.aaveCard(page).getByLabel("Minimum health factor on Aave V3")).toHaveValue("1.4");
}

test("the user's choices survive a switch to another network and back, and a disconnect and reconnect", async ({
  page,
  wallet,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, PAIR);
  await ui.share(page, PAIR).fill("40");
  await ui.fee(page, PAIR, "1%");
  await ui.range(page, PAIR, "±25%");
  await page.getByLabel("Slippage tolerance (%)").fill("1.5");
  await ui.aaveCard(page).getByLabel("Minimum health factor on Aave V3").fill("1.4");
  await expectChoicesKept(page);

  await wallet.userSwitchesTo(1);
  await expect(page.getByRole("heading", { name: "Wrong network" })).toBeVisible();
  await page.getByRole("button", { name: /^Switch to / }).click();
  await expectChoicesKept(page);

  const short = `${wallet.account.address.slice(0, 4)}…${wallet.account.address.slice(-4)}`;
  await page.getByRole("button", { name: new RegExp(short) }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disconnect" }).click();
  await expect(page.getByRole("heading", { name: "Connect a wallet" })).toBeVisible();
  await connectWallet(page, wallet);
  await expectChoicesKept(page);
  await ui.waitForPreview(page);
});
