import { getAddress, type Hash, type Hex } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { ferryDeploymentFor } from "../lib/migrator/deployment";
import { tokenBalance } from "./support/balances";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { expectGasCovered, shownGas } from "./support/gas";
import { migratePage as ui } from "./support/migratePage";

test.use({ demoAccount: "bob" });

test("moves the Aave position with approval transactions, then one migrate transaction", async ({
  page,
  wallet,
  chain,
}) => {
  const { aaveV2, aaveV3 } = addressesFor(31337);
  const migrator = ferryDeploymentFor(31337)?.migrator as Hex;
  const user = wallet.account.address;
  const nonceBefore = await chain.getTransactionCount({ address: user });

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  const card = ui.aaveCard(page);
  await ui.approvalsToggle(card).check();
  await expect(card.getByTestId("aave-gas-estimate")).toContainText("% of the $");
  const gas = await shownGas(card.getByTestId("aave-gas-estimate"));
  await card.getByRole("button", { name: "Approve and move Aave position" }).click();
  await expect(ui.aaveMigrated(page)).toBeVisible();

  const hashes = await expectTransactionCount(chain, wallet, nonceBefore, 3);
  await expectGasCovered(chain, gas, hashes[2] as Hash);
  const targets = await Promise.all(hashes.map(async (hash) => (await chain.getTransaction({ hash })).to as Hex));
  expect(
    targets.map((to) => getAddress(to)),
    "approve aWETH, delegate USDC credit, migrate",
  ).toEqual(
    [aaveV2.reserves.WETH.aToken, aaveV3.reserves.USDC.variableDebtToken, migrator].map((to) => getAddress(to)),
  );
  expect(wallet.signedTypedData, "nothing signed").toEqual([]);
  expect(await tokenBalance(chain, aaveV2.reserves.WETH.aToken, user), "V2 collateral moved").toBe(0n);
  expect(await tokenBalance(chain, aaveV2.reserves.USDC.variableDebtToken, user), "V2 debt repaid").toBe(0n);
  expect(await tokenBalance(chain, aaveV3.reserves.WETH.aToken, user), "supplied on V3").toBeGreaterThan(0n);
  expect(await tokenBalance(chain, aaveV3.reserves.USDC.variableDebtToken, user), "debt on V3").toBeGreaterThan(0n);
});
