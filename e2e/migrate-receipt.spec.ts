import { addressesFor } from "../lib/chain/addresses";
import { nonfungiblePositionManagerAbi } from "../lib/generated/abis";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

test("the receipt goes above the cards, which stay and show the chain as it is now", async ({
  page,
  wallet,
  chain,
}) => {
  const { uniswapV3 } = addressesFor(chain.chain.id);
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();

  // The rest of the page stays: the other pair, and the Aave card.
  await expect(page.getByRole("checkbox", { name: "Migrate DAI / USDC" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Migrate WETH / USDC" }), "the migrated pair is gone").toHaveCount(0);
  await expect(ui.aaveCard(page).getByRole("table", { name: "Aave V2 reserves" })).toContainText("WETH");

  const [hash] = wallet.sentTransactions;
  if (!hash) throw new Error("no transaction sent");
  const receipt = await chain.getTransactionReceipt({ hash });
  const paidEth = Number(receipt.gasUsed * receipt.effectiveGasPrice) / 1e18;
  const receiptCard = ui.migrated(page).locator("..");
  await expect(receiptCard).toContainText(`${receipt.gasUsed.toLocaleString("en-US")} units`);
  await expect(receiptCard).toContainText(`${paidEth.toPrecision(3)} ETH ($`);
  const nfts = await chain.readContract({
    address: uniswapV3.positionManager,
    abi: nonfungiblePositionManagerAbi,
    functionName: "balanceOf",
    args: [wallet.account.address],
  });
  const tokenId = await chain.readContract({
    address: uniswapV3.positionManager,
    abi: nonfungiblePositionManagerAbi,
    functionName: "tokenOfOwnerByIndex",
    args: [wallet.account.address, nfts - 1n],
  });
  await expect(receiptCard.getByRole("link", { name: `See position #${tokenId}` })).toHaveAttribute(
    "href",
    `/dashboard#position-uniswap-v3-${tokenId}`,
  );
  await expect(receiptCard.getByRole("link", { name: "See your points and positions" })).toHaveAttribute(
    "href",
    "/dashboard",
  );
  await page.screenshot({ path: test.info().outputPath("receipt-above-cards.png"), fullPage: true });
});

test("after the Aave card's own migration it no longer lists what moved, without a reload", async ({
  page,
  wallet,
}) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  const card = ui.aaveCard(page);
  await expect(card.getByRole("table", { name: "Aave V2 reserves" })).toContainText("WETH");
  await card.getByRole("button", { name: "Review Aave authorisations" }).click();
  await card.getByRole("button", { name: "Sign Aave authorisations" }).click();
  await card.getByRole("button", { name: "Move Aave position in one transaction" }).click();
  await expect(ui.aaveMigrated(page)).toBeVisible();
  // Alice supplied only WETH: once it moved, she has no Aave V2 position left to show.
  await expect(page.getByRole("heading", { name: "Your Aave V2 position" })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: "Migrate WETH / USDC" }), "the Uniswap card stays").toBeVisible();
});
