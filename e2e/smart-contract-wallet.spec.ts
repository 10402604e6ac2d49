import { decodeFunctionData, erc721Abi, type Hash } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { ferryDeploymentFor } from "../lib/migrator/deployment";
import { tokenBalance } from "./support/balances";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";
import { expectMovedToV4, nextV4TokenId } from "./support/uniswapV4";

const CONTRACT_WALLET_SENTENCE =
  "Your account is a smart-contract wallet, which cannot sign permits: Ferry will ask for approval transactions instead.";

test("detects a smart-contract wallet and moves with approval transactions, without asking for a signature", async ({
  page,
  wallet,
  chain,
}) => {
  const { aaveV2, aaveV3 } = addressesFor(31337);
  const user = wallet.account.address;
  // Code on the account makes it a contract account, as a smart-contract wallet is; the test wallet still sends
  // its transactions (anvil does not refuse senders with code).
  await chain.setCode({ address: user, bytecode: "0x00" });
  const nonceBefore = await chain.getTransactionCount({ address: user });

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  const card = ui.aaveCard(page);
  await expect(card.getByText(CONTRACT_WALLET_SENTENCE)).toBeVisible();
  const toggle = ui.approvalsToggle(card);
  await expect(toggle).toBeChecked();
  await expect(toggle, "a contract cannot switch back to signing").toBeDisabled();
  await expect(card.getByRole("button", { name: "Review Aave authorisations" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("smart-contract-wallet.png"), fullPage: true });

  await card.getByRole("button", { name: "Approve and move Aave position" }).click();
  await expect(ui.aaveMigrated(page)).toBeVisible();

  await expectTransactionCount(chain, wallet, nonceBefore, 2);
  expect(wallet.signedTypedData, "nothing signed").toEqual([]);
  expect(await tokenBalance(chain, aaveV2.reserves.WETH.aToken, user), "nothing left on V2").toBe(0n);
  expect(await tokenBalance(chain, aaveV3.reserves.WETH.aToken, user), "supplied on V3").toBeGreaterThan(0n);
});

test("treats an EIP-7702 delegated account as the EOA it is: it signs permits", async ({ page, wallet, chain }) => {
  const user = wallet.account.address;
  const delegate = addressesFor(31337).aaveV3.pool.slice(2);
  await chain.setCode({ address: user, bytecode: `0xef0100${delegate}` });
  const codeRead = page.waitForResponse((response) => response.request().postData()?.includes("eth_getCode") ?? false);

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await codeRead;
  const card = ui.aaveCard(page);
  await expect(ui.approvalsToggle(card)).toBeEnabled();
  await card.getByRole("button", { name: "Review Aave authorisations" }).click();
  await expect(card.getByRole("list", { name: "Permit for aWETH" })).toBeVisible();
  await expect(card.getByText(CONTRACT_WALLET_SENTENCE)).toHaveCount(0);
  await expect(ui.approvalsToggle(card)).not.toBeChecked();
});

test("a smart-contract wallet moves Uniswap LP and its Aave position in one batch after approvals", async ({
  page,
  wallet,
  chain,
}) => {
  const { uniswapV2, aaveV2, aaveV3 } = addressesFor(31337);
  const user = wallet.account.address;
  await chain.setCode({ address: user, bytecode: "0x00" });
  const nonceBefore = await chain.getTransactionCount({ address: user });

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await page.getByLabel("Move it in the same transaction as the Uniswap positions below").check();
  await ui.waitForPreview(page);
  await expect(page.getByText(CONTRACT_WALLET_SENTENCE)).toBeVisible();
  await page.getByRole("button", { name: "Approve and migrate" }).click();
  await expect(page.getByRole("heading", { name: "Migrated" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Your Aave V2 position moved to Aave V3 in the same transaction.");

  await expectTransactionCount(chain, wallet, nonceBefore, 3); // LP approval, aToken approval, migrate
  expect(wallet.signedTypedData, "nothing signed").toEqual([]);
  expect(await tokenBalance(chain, uniswapV2.pairs.WETH_USDC, user), "V2 LP withdrawn").toBe(0n);
  expect(await tokenBalance(chain, aaveV2.reserves.WETH.aToken, user), "Aave V2 supply moved").toBe(0n);
  expect(await tokenBalance(chain, aaveV3.reserves.WETH.aToken, user), "supplied on Aave V3").toBeGreaterThan(0n);
});

test("a smart-contract wallet moves a V3 position to V4 after approve(tokenId) of that position only", async ({
  page,
  wallet,
  chain,
}) => {
  const { uniswapV3 } = addressesFor(31337);
  const tokenId = BigInt(uniswapV3.positions.alice_WETH_USDC_500);
  const user = wallet.account.address;
  await chain.setCode({ address: user, bytecode: "0x00" });
  const nonceBefore = await chain.getTransactionCount({ address: user });
  const nextTokenId = await nextV4TokenId(chain);

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, `Position #${tokenId}, WETH/USDC 0.05%`);
  await ui.v4Currency(page, `position #${tokenId}`, "Native ETH");
  await ui.waitForPreview(page);
  const review = ui.reviewCard(page);
  await expect(review.getByText(CONTRACT_WALLET_SENTENCE)).toBeVisible();
  await review.getByRole("button", { name: "Approve and migrate" }).click();
  await expect(page.getByRole("heading", { name: "Migrated" })).toBeVisible();

  const [approval] = await expectTransactionCount(chain, wallet, nonceBefore, 2); // approve(tokenId), migrate
  const approvalTx = await chain.getTransaction({ hash: approval as Hash });
  expect(approvalTx.to?.toLowerCase(), "sent to the V3 position manager").toBe(uniswapV3.positionManager.toLowerCase());
  expect(decodeFunctionData({ abi: erc721Abi, data: approvalTx.input }), "one position, never all").toEqual({
    functionName: "approve",
    args: [ferryDeploymentFor(31337)?.migrator, tokenId],
  });
  expect(wallet.signedTypedData, "nothing signed").toEqual([]);
  await expectMovedToV4(chain, tokenId, nextTokenId, user);
});
