import { erc20Abi, type Hash } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { expectGasCovered, shownGas } from "./support/gas";
import { migratePage as ui } from "./support/migratePage";

test("moves an Aave V2 supply position to Aave V3 in exactly one transaction", async ({ page, wallet, chain }) => {
  const { aaveV2, aaveV3 } = addressesFor(31337);
  const user = wallet.account.address;
  const balance = (token: `0x${string}`) =>
    chain.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [user] });
  const nonceBefore = await chain.getTransactionCount({ address: user });
  const v2Supplied = await balance(aaveV2.reserves.WETH.aToken);
  expect(v2Supplied, "the demo account supplies WETH on Aave V2").toBeGreaterThan(0n);

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  const card = page.getByRole("main");
  await expect(card.getByRole("table", { name: "Aave V2 reserves" })).toContainText("WETH");
  // 10 WETH at the oracle's $3,000: each reserve shows its USD value from on-chain prices.
  await expect(card.getByRole("table", { name: "Aave V2 reserves" })).toContainText("$30,000.00");
  await expect(card.getByRole("list", { name: "Aave V3 eligibility" })).toContainText("WETH can move to Aave V3.");
  await expect(card.getByTestId("health-factors")).toContainText("Aave V3 account after: no debt");

  await card.getByRole("button", { name: "Review Aave authorisations" }).click();
  await expect(card.getByRole("list", { name: "Permit for aWETH" })).toContainText("Spender: Ferry Migrator");
  await card.getByRole("button", { name: "Sign Aave authorisations" }).click();
  const gas = await shownGas(card.getByTestId("aave-gas-estimate"));
  await card.getByRole("button", { name: "Move Aave position in one transaction" }).click();
  await expect(ui.aaveMigrated(page)).toBeVisible();

  const [hash] = await expectTransactionCount(chain, wallet, nonceBefore, 1);
  await expectGasCovered(chain, gas, hash as Hash);
  expect(await balance(aaveV2.reserves.WETH.aToken), "nothing left on Aave V2").toBe(0n);
  expect(await balance(aaveV3.reserves.WETH.aToken), "supplied on Aave V3").toBeGreaterThanOrEqual(v2Supplied);
});

test.describe("with debt", () => {
  test.use({ demoAccount: "bob" });

  test("moves supply and variable debt with a signed credit delegation, in one transaction", async ({
    page,
    wallet,
    chain,
  }) => {
    const { aaveV2, aaveV3 } = addressesFor(31337);
    const user = wallet.account.address;
    const balance = (token: `0x${string}`) =>
      chain.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [user] });
    const nonceBefore = await chain.getTransactionCount({ address: user });
    expect(await balance(aaveV2.reserves.USDC.variableDebtToken), "bob owes USDC on Aave V2").toBeGreaterThan(0n);

    await page.goto("/migrate");
    await connectWallet(page, wallet);
    const card = page.getByRole("main");
    await expect(card.getByTestId("health-factors")).not.toContainText("Aave V3 account after: no debt");
    await card.getByRole("button", { name: "Review Aave authorisations" }).click();
    await expect(card.getByRole("list", { name: "Credit delegation for USDC" })).toContainText(
      "open Aave V3 debt in your name",
    );
    await card.getByRole("button", { name: "Sign Aave authorisations" }).click();
    const gas = await shownGas(card.getByTestId("aave-gas-estimate"));
    await card.getByRole("button", { name: "Move Aave position in one transaction" }).click();
    await expect(ui.aaveMigrated(page)).toBeVisible();

    const [hash] = await expectTransactionCount(chain, wallet, nonceBefore, 1);
    await expectGasCovered(chain, gas, hash as Hash);
    expect(wallet.signedTypedData.map((data) => data.primaryType)).toEqual(["Permit", "DelegationWithSig"]);
    expect(await balance(aaveV2.reserves.USDC.variableDebtToken), "V2 debt repaid").toBe(0n);
    expect(await balance(aaveV2.reserves.WETH.aToken), "V2 collateral moved").toBe(0n);
    expect(await balance(aaveV3.reserves.USDC.variableDebtToken), "debt now on V3").toBeGreaterThan(0n);
  });
});
