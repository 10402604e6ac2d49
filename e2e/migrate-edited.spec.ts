import { addressesFor } from "../lib/chain/addresses";
import { tokenBalance } from "./support/balances";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

const PAIR = "WETH / USDC";

test("a leg edited after signing asks again for exactly its own signature, then migrates the new amount", async ({
  page,
  wallet,
  chain,
}) => {
  const { uniswapV2 } = addressesFor(chain.chain.id);
  const user = wallet.account.address;
  const lpBefore = await tokenBalance(chain, uniswapV2.pairs.WETH_USDC, user);
  const nonceBefore = await chain.getTransactionCount({ address: user });
  await page.goto("/migrate");
  await connectWallet(page, wallet);

  // The LP position and the Aave position in one batch: two signatures.
  await ui.select(page, PAIR);
  await ui.share(page, PAIR).fill("40");
  await ui
    .aaveCard(page)
    .getByRole("checkbox", { name: /same transaction as the Uniswap positions/ })
    .check();
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
  const lpPermit = page.getByRole("list", { name: `Permit for ${PAIR}` });
  const aavePermit = page.getByRole("list", { name: "Permit for aWETH" });
  await expect(lpPermit).toContainText("✓ Signed");
  await expect(aavePermit).toContainText("✓ Signed");
  expect(wallet.signedTypedData).toHaveLength(2);
  const amountSigned = await lpPermit.getByText(/^Amount: /).textContent();

  // Raising the share changes what the LP permit must allow: only it is asked again, with the new amount.
  await ui.share(page, PAIR).fill("80");
  await expect(lpPermit).toContainText("Not signed yet");
  await expect(lpPermit.getByText(/^Amount: /)).not.toHaveText(amountSigned ?? "");
  await expect(aavePermit, "the Aave permit still grants what moves").toContainText("✓ Signed");
  await expect(page.getByRole("button", { name: "Migrate in one transaction" })).toHaveCount(0);
  await page.getByRole("button", { name: "Sign the rest" }).click();
  await expect(lpPermit).toContainText("✓ Signed");
  expect(wallet.signedTypedData, "one more signature, for the LP permit").toHaveLength(3);
  await ui.waitForPreview(page);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();

  await expectTransactionCount(chain, wallet, nonceBefore, 1);
  const moved = lpBefore - (await tokenBalance(chain, uniswapV2.pairs.WETH_USDC, user));
  const resigned = wallet.signedTypedData[2];
  if (!resigned) throw new Error("the LP permit was not signed again");
  expect(BigInt((resigned.message as { value: string }).value), "moved as signed the second time").toBe(moved);
  expect(moved * 100n, "80% of the LP, not the 40% first signed").toBeGreaterThan(lpBefore * 79n);
});
