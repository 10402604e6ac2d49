import { erc20Abi, type Hash } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { nonfungiblePositionManagerAbi, uniswapV2PairAbi } from "../lib/generated/abis";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { expectGasCovered, shownGas } from "./support/gas";
import { migratePage as ui } from "./support/migratePage";

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
});

test("migrates a V2 LP position into a V3 position in exactly one transaction, then a second one without reloading", async ({
  page,
  wallet,
  chain,
}) => {
  const { uniswapV2, uniswapV3, tokens } = addressesFor(chain.chain.id);
  const user = wallet.account.address;
  const read = (address: `0x${string}`) =>
    chain.readContract({ address, abi: erc20Abi, functionName: "balanceOf", args: [user] });
  const nonceBefore = await chain.getTransactionCount({ address: user });
  const [lpBefore, usdcBefore, nftsBefore] = await Promise.all([
    read(uniswapV2.pairs.WETH_USDC),
    read(tokens.USDC),
    chain.readContract({
      address: uniswapV3.positionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: "balanceOf",
      args: [user],
    }),
  ]);

  await ui.select(page, "WETH / USDC");
  await ui.range(page, "WETH / USDC", "±25%");
  await ui.waitForPreview(page);
  await expect(page.getByRole("table", { name: /Impermanent loss/ })).toContainText("+50%");
  await page.screenshot({ path: test.info().outputPath("preview.png"), fullPage: true });
  await ui.review(page);
  await ui.sign(page);
  const firstGas = await shownGas(page.getByTestId("gas-estimate"));
  await ui.migrate(page);
  await expect(page.getByRole("heading", { name: "Migrated" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("receipt.png"), fullPage: true });

  const [first] = await expectTransactionCount(chain, wallet, nonceBefore, 1);
  await expectGasCovered(chain, firstGas, first as Hash);
  expect(await read(uniswapV2.pairs.WETH_USDC), "V2 LP fully withdrawn").toBe(0n);
  expect(lpBefore).toBeGreaterThan(0n);
  const nfts = await chain.readContract({
    address: uniswapV3.positionManager,
    abi: nonfungiblePositionManagerAbi,
    functionName: "balanceOf",
    args: [user],
  });
  expect(nfts, "one new V3 position owned by the user").toBe(nftsBefore + 1n);
  const tokenId = await chain.readContract({
    address: uniswapV3.positionManager,
    abi: nonfungiblePositionManagerAbi,
    functionName: "tokenOfOwnerByIndex",
    args: [user, nfts - 1n],
  });
  await expect(page.getByRole("list", { name: "Migrated positions" })).toContainText(`#${tokenId}`);
  // A ±25% range needs less USDC than full range: the excess comes back in the same transaction.
  expect(await read(tokens.USDC), "refund received").toBeGreaterThanOrEqual(usdcBefore);
  expect(await read(uniswapV2.pairs.WETH_USDC)).toBe(0n);
  expect(
    await chain.readContract({
      address: uniswapV2.pairs.WETH_USDC,
      abi: uniswapV2PairAbi,
      functionName: "balanceOf",
      args: [wallet.account.address],
    }),
  ).toBe(0n);

  // A second migration, without reloading: the migrated pair is gone from the list, the next one goes through.
  await page.getByRole("button", { name: "Migrate another position" }).click();
  await expect(page.getByRole("checkbox", { name: "Migrate WETH / USDC" })).toHaveCount(0);
  await ui.select(page, "DAI / USDC");
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
  const secondGas = await shownGas(page.getByTestId("gas-estimate"));
  await ui.migrate(page);
  await expect(page.getByRole("heading", { name: "Migrated" })).toBeVisible();
  const [, second] = await expectTransactionCount(chain, wallet, nonceBefore, 2);
  await expectGasCovered(chain, secondGas, second as Hash);
  expect(await read(uniswapV2.pairs.DAI_USDC), "second V2 LP fully withdrawn").toBe(0n);
});
