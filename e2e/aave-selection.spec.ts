import { parseUnits } from "viem";
import { supplyOnAaveV2 } from "../devnet/market";
import { addressesFor } from "../lib/chain/addresses";
import { tokenBalance } from "./support/balances";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

test.use({ demoAccount: "bob" });

test("moves only the ticked Aave reserves: the unticked supply stays on V2, in one transaction", async ({
  page,
  wallet,
  chain,
}) => {
  const { aaveV2, aaveV3 } = addressesFor(31337);
  const user = wallet.account.address;
  const balance = (token: `0x${string}`) => tokenBalance(chain, token, user);
  // Bob supplies WETH and owes USDC; he also supplies DAI, which he keeps on V2.
  await supplyOnAaveV2(e2eEnv("rpcUrl"), { supplier: user, symbol: "DAI", amount: parseUnits("4000", 18) });
  const daiOnV2 = await balance(aaveV2.reserves.DAI.aToken);
  const daiOnV3 = await balance(aaveV3.reserves.DAI.aToken);
  const wethOnV2 = await balance(aaveV2.reserves.WETH.aToken);
  const nonceBefore = await chain.getTransactionCount({ address: user });

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  const card = ui.aaveCard(page);
  await expect(card.getByRole("table", { name: "Aave V2 reserves" })).toContainText("DAI");
  await card.getByRole("checkbox", { name: "Move DAI supply" }).uncheck();
  // V2 keeps only the DAI supply, without debt; V3 gets the WETH and the USDC debt.
  await expect(card.getByTestId("health-factors")).toContainText(
    /Aave V2 account after: no debt left · Aave V3 account after: \d+\.\d\d /,
  );
  await expect(card.getByRole("list", { name: "Aave V3 eligibility" })).not.toContainText("DAI");
  await expect(card.getByTestId("aave-gas-estimate")).toContainText("% of the $");
  await page.screenshot({ path: test.info().outputPath("aave-subset.png"), fullPage: true });

  await card.getByRole("button", { name: "Review Aave authorisations" }).click();
  await expect(card.getByRole("list", { name: "Permit for aWETH" })).toBeVisible();
  await expect(card.getByRole("list", { name: "Credit delegation for USDC" })).toBeVisible();
  await expect(card.getByRole("list", { name: "Permit for aDAI" })).toHaveCount(0);
  await card.getByRole("button", { name: "Sign Aave authorisations" }).click();
  await card.getByRole("button", { name: "Move Aave position in one transaction" }).click();
  await expect(ui.aaveMigrated(page)).toBeVisible();

  await expectTransactionCount(chain, wallet, nonceBefore, 1);
  expect(wallet.signedTypedData.map((data) => data.primaryType)).toEqual(["Permit", "DelegationWithSig"]);
  expect(await balance(aaveV2.reserves.DAI.aToken), "DAI supply stays on V2").toBeGreaterThanOrEqual(daiOnV2);
  expect(await balance(aaveV3.reserves.DAI.aToken), "no DAI arrives on V3").toBe(daiOnV3);
  expect(await balance(aaveV2.reserves.WETH.aToken), "WETH supply left V2").toBe(0n);
  expect(await balance(aaveV3.reserves.WETH.aToken), "WETH supplied on V3").toBeGreaterThanOrEqual(wethOnV2);
  expect(await balance(aaveV2.reserves.USDC.variableDebtToken), "V2 debt repaid").toBe(0n);
  expect(await balance(aaveV3.reserves.USDC.variableDebtToken), "debt now on V3").toBeGreaterThan(0n);
});

test("explains and blocks a selection Aave would refuse, and keeps it while other inputs change", async ({
  page,
  wallet,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  const card = ui.aaveCard(page);
  const review = card.getByRole("button", { name: "Review Aave authorisations" });
  const wethSupply = card.getByRole("checkbox", { name: "Move WETH supply" });
  const usdcDebt = card.getByRole("checkbox", { name: "Move USDC debt" });
  await expect(review).toBeEnabled();

  // The WETH without the USDC debt: nothing would back the debt left on V2. By keyboard, as a user may.
  await usdcDebt.focus();
  await page.keyboard.press("Space");
  await expect(card.getByRole("alert")).toHaveText(
    "Your USDC debt would stay on Aave V2 with too little collateral (health factor 0.00), and Aave V2 refuses that. Move the debt too, or leave more supply on Aave V2.",
  );
  await expect(card.getByTestId("health-factors")).toContainText("Aave V2 account after: 0.00 ·");
  await expect(review).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath("aave-selection-blocked.png"), fullPage: true });

  await card.getByLabel("Minimum health factor on Aave V3").fill("1.2");
  await expect(usdcDebt, "selection kept").not.toBeChecked();
  await expect(wethSupply, "selection kept").toBeChecked();
  await expect(review).toBeDisabled();

  // The debt without the WETH: V3 would hold debt and no collateral.
  await usdcDebt.check();
  await wethSupply.uncheck();
  await expect(card.getByRole("alert")).toHaveText(
    "Your USDC debt would arrive on Aave V3 with no collateral there. Move a supply with it.",
  );
  await expect(review).toBeDisabled();

  await wethSupply.uncheck();
  await usdcDebt.uncheck();
  await expect(card.getByRole("alert")).toHaveText("Select at least one supply or debt to move.");
  await expect(review).toBeDisabled();

  await wethSupply.check();
  await usdcDebt.check();
  await expect(card.getByRole("alert")).toHaveCount(0);
  await expect(review).toBeEnabled();
});
