import { addressesFor } from "../lib/chain/addresses";
import { nonfungiblePositionManagerAbi } from "../lib/generated/abis";
import { tokenBalance } from "./support/balances";
import type { ChainClient } from "./support/fixtures";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

/** The account's NFT count and its first V3 position, with a reader of that position's liquidity, from the chain. */
async function heldPosition(chain: ChainClient, owner: `0x${string}`) {
  const { positionManager } = addressesFor(chain.chain.id).uniswapV3;
  const npm = { address: positionManager, abi: nonfungiblePositionManagerAbi } as const;
  const count = await chain.readContract({ ...npm, functionName: "balanceOf", args: [owner] });
  const tokenId = await chain.readContract({ ...npm, functionName: "tokenOfOwnerByIndex", args: [owner, 0n] });
  const liquidity = async () => (await chain.readContract({ ...npm, functionName: "positions", args: [tokenId] }))[7];
  return { count, tokenId, liquidity };
}

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
});

test("adds V2 liquidity to the V3 position alice already holds, in exactly one transaction", async ({
  page,
  wallet,
  chain,
}) => {
  const { uniswapV2 } = addressesFor(chain.chain.id);
  const user = wallet.account.address;
  const nonceBefore = await chain.getTransactionCount({ address: user });
  const held = await heldPosition(chain, user);
  expect(held.count, "alice holds one V3 position: WETH/USDC 0.05%").toBe(1n);
  const liquidityBefore = await held.liquidity();

  await ui.select(page, "WETH / USDC");
  await ui.range(page, "WETH / USDC", "±25%");
  await ui.fee(page, "WETH / USDC", "0.05%");
  const destination = ui.destination(page, "WETH / USDC");
  const newPosition = destination.getByRole("radio", { name: "A new position" });
  const addToHeld = destination.getByRole("radio", { name: new RegExp(`^Add to your position #${held.tokenId} \\(`) });
  await expect(newPosition).toBeChecked();

  // Keyboard: from the default, the arrow key picks the held position; its range stands in, read-only.
  await newPosition.focus();
  await page.keyboard.press("ArrowRight");
  await expect(addToHeld).toBeChecked();
  const range = page.getByRole("radiogroup", { name: "Price range for WETH / USDC" });
  await expect(range.getByRole("radio", { name: "Custom" })).toBeChecked();
  await expect(range.getByRole("radio", { name: "±25%" })).toBeDisabled();
  await expect(page.getByLabel(/^Min price/)).toHaveJSProperty("readOnly", true);
  await expect(page.getByLabel(/^Max price/)).toHaveJSProperty("readOnly", true);

  // Back to a new position: the user's own ±25% is still there; then the held position again.
  await page.keyboard.press("ArrowLeft");
  await expect(newPosition).toBeChecked();
  await expect(range.getByRole("radio", { name: "±25%" })).toBeChecked();
  await expect(page.getByLabel(/^Min price/)).toHaveCount(0);
  await page.keyboard.press("ArrowRight");
  await expect(addToHeld).toBeChecked();

  await ui.waitForPreview(page);
  await expect(
    page.getByRole("definition").filter({ hasText: `position #${held.tokenId}, in its range` }),
  ).toBeVisible();
  await expect(ui.reviewCard(page).getByRole("list", { name: "Destinations" })).toHaveText(
    `WETH / USDC: Adds to your position #${held.tokenId}`,
  );
  await page.screenshot({ path: test.info().outputPath("preview.png"), fullPage: true });
  await ui.review(page);
  await ui.sign(page);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
  await expect(page.getByRole("list", { name: "Migrated positions" })).toContainText(
    `WETH / USDC → added to your Uniswap V3 position #${held.tokenId}`,
  );
  await page.screenshot({ path: test.info().outputPath("receipt.png"), fullPage: true });

  await expectTransactionCount(chain, wallet, nonceBefore, 1);
  const after = await heldPosition(chain, user);
  expect(after.count, "no new V3 position minted").toBe(held.count);
  expect(after.tokenId).toBe(held.tokenId);
  expect(await held.liquidity(), "the held position's liquidity grew").toBeGreaterThan(liquidityBefore);
  expect(await tokenBalance(chain, uniswapV2.pairs.WETH_USDC, user), "V2 LP fully withdrawn").toBe(0n);
});

test.describe("into an out-of-range position", () => {
  test.use({ demoAccount: "bob" });

  test("warns that only one token goes in, and previews the add", async ({ page, wallet, chain }) => {
    // bob's first position is WETH/USDC 0.3%, above the current price.
    const held = await heldPosition(chain, wallet.account.address);
    await ui.select(page, "WETH / USDC");
    await ui.fee(page, "WETH / USDC", "0.3%");
    await ui
      .destination(page, "WETH / USDC")
      .getByText(new RegExp(`^Add to your position #${held.tokenId} \\(`))
      .click();
    await ui.waitForPreview(page);
    await expect(page.getByText("The current price is outside this range")).toBeVisible();
    await expect(ui.reviewCard(page)).toContainText(`Adds to your position #${held.tokenId}`);
  });
});
