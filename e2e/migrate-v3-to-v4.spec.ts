import type { Page } from "@playwright/test";
import { erc721Abi, type Hash } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { nonfungiblePositionManagerAbi, uniswapV4PositionManagerAbi } from "../lib/generated/abis";
import { expectNoViolations } from "./support/accessibility";
import { tokenBalance } from "./support/balances";
import { type ChainClient, connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { expectGasCovered, shownGas } from "./support/gas";
import { migratePage as ui } from "./support/migratePage";
import { expectMovedToV4, nextV4TokenId } from "./support/uniswapV4";

const { uniswapV3, uniswapV4, aaveV2, aaveV3 } = addressesFor(31337);
const TOKEN_ID = BigInt(uniswapV3.positions.alice_WETH_USDC_500);
const SOURCE = "Position #5, WETH/USDC 0.05%";
const NAME = "position #5";

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
});

const v3Liquidity = async (chain: ChainClient) =>
  (
    await chain.readContract({
      address: uniswapV3.positionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: "positions",
      args: [TOKEN_ID],
    })
  )[7];

/** Alice's V3 position chosen, into the native ETH/USDC pool (its ticks fit that pool's spacing). */
async function chooseAlicePosition(page: Page) {
  await ui.select(page, SOURCE);
  await ui.v4Currency(page, NAME, "Native ETH");
  await ui.waitForPreview(page);
}

test("migrates a whole V3 position, fees included, into a V4 position in exactly one transaction: NFT burned", async ({
  page,
  wallet,
  chain,
}) => {
  test.setTimeout(120_000);
  const user = wallet.account.address;
  const nonceBefore = await chain.getTransactionCount({ address: user });
  const nextTokenId = await nextV4TokenId(chain);

  await expect(page.getByRole("list").filter({ hasText: SOURCE })).toContainText("Uncollected fees:");
  await chooseAlicePosition(page);
  await expect(page.getByRole("definition").filter({ hasText: "A new Uniswap V4 position in" })).toContainText(
    "ETH / USDC 0.05%",
  );
  await expect(page.getByText("Emptied and burned")).toBeVisible();
  await expect(page.getByRole("table", { name: /Impermanent loss/ })).toContainText("New V4 range");
  await expectNoViolations(page, "V3 → V4 settings and preview");
  await ui.review(page);
  const permit = page.getByRole("list", { name: "Permit for position #5" });
  await expect(permit).toContainText("Lets Ferry Migrator take your position #5, WETH/USDC 0.05%");
  await expect(permit).toContainText(/Valid until: in (19|20) minutes, at \d\d:\d\d/);
  await ui.sign(page);
  await expect(permit).toContainText("✓ Signed");
  const gas = await shownGas(page.getByTestId("gas-estimate"));
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();

  const [hash] = await expectTransactionCount(chain, wallet, nonceBefore, 1);
  await expectGasCovered(chain, gas, hash as Hash);
  await expect(page.getByRole("list", { name: "Migrated positions" })).toContainText(
    `${SOURCE} → Uniswap V4 position #${nextTokenId}`,
  );
  await expectNoViolations(page, "V3 → V4 receipt");
  await expectMovedToV4(chain, TOKEN_ID, nextTokenId, user);
  expect(
    await chain.readContract({
      address: uniswapV4.positionManager,
      abi: uniswapV4PositionManagerAbi,
      functionName: "getPositionLiquidity",
      args: [nextTokenId],
    }),
    "the V4 position holds liquidity",
  ).toBeGreaterThan(0n);
});

test("migrates half a V3 position: the NFT stays with the other half", async ({ page, wallet, chain }) => {
  test.setTimeout(120_000);
  const nonceBefore = await chain.getTransactionCount({ address: wallet.account.address });
  const before = await v3Liquidity(chain);
  await ui.select(page, SOURCE);
  await ui.share(page, NAME).fill("50");
  await ui.v4Currency(page, NAME, "Native ETH");
  await ui.waitForPreview(page);
  await expect(page.getByText("Kept, with the rest of its liquidity")).toBeVisible();
  await ui.review(page);
  await ui.sign(page);
  const gas = await shownGas(page.getByTestId("gas-estimate"));
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();

  const [hash] = await expectTransactionCount(chain, wallet, nonceBefore, 1);
  await expectGasCovered(chain, gas, hash as Hash);
  expect(
    await chain.readContract({
      address: uniswapV3.positionManager,
      abi: erc721Abi,
      functionName: "ownerOf",
      args: [TOKEN_ID],
    }),
  ).toBe(wallet.account.address);
  expect(await v3Liquidity(chain), "half the liquidity left").toBe(before - before / 2n);
});

test("a rejected NFT permit leaves the page as it was, with a clear message", async ({ page, wallet, chain }) => {
  const nonceBefore = await chain.getTransactionCount({ address: wallet.account.address });
  await ui.select(page, SOURCE);
  await ui.share(page, NAME).fill("40");
  await ui.v4Currency(page, NAME, "Native ETH");
  await ui.waitForPreview(page);
  await ui.review(page);
  wallet.rejectNextRequest("eth_signTypedData_v4");
  await ui.sign(page);
  await expect(ui.alert(page)).toContainText("You rejected the request in your wallet");
  await expect(page.getByRole("list", { name: "Permit for position #5" })).toContainText("Not signed yet");
  await expect(ui.share(page, NAME), "input kept").toHaveValue("40");
  await expectTransactionCount(chain, wallet, nonceBefore, 0);

  await ui.sign(page);
  await expect(page.getByRole("list", { name: "Permit for position #5" })).toContainText("✓ Signed");
  await expect(ui.alert(page)).toHaveCount(0);
});

test("moves a V3 position to V4 and an Aave V2 position to V3 together in exactly one transaction", async ({
  page,
  wallet,
  chain,
}) => {
  test.setTimeout(120_000);
  const user = wallet.account.address;
  const nonceBefore = await chain.getTransactionCount({ address: user });
  await chooseAlicePosition(page);
  await page.getByLabel("Move it in the same transaction as the Uniswap positions below").check();
  await ui.waitForPreview(page);
  await ui.review(page);
  await expect(page.getByRole("list", { name: "Permit for position #5" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Permit for aWETH" })).toBeVisible();
  await ui.sign(page);
  const gas = await shownGas(page.getByTestId("gas-estimate"));
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Your Aave V2 position moved to Aave V3 in the same transaction.");
  await expect(page.getByRole("list", { name: "Migrated positions" })).toContainText(`${SOURCE} → Uniswap V4 position`);

  const [hash] = await expectTransactionCount(chain, wallet, nonceBefore, 1);
  await expectGasCovered(chain, gas, hash as Hash);
  expect(wallet.signedTypedData, "one NFT permit and one aToken permit").toHaveLength(2);
  await expect(
    chain.readContract({
      address: uniswapV3.positionManager,
      abi: erc721Abi,
      functionName: "ownerOf",
      args: [TOKEN_ID],
    }),
  ).rejects.toThrow();
  expect(await tokenBalance(chain, aaveV2.reserves.WETH.aToken, user), "Aave V2 supply moved").toBe(0n);
  expect(await tokenBalance(chain, aaveV3.reserves.WETH.aToken, user), "supplied on Aave V3").toBeGreaterThan(0n);
});
