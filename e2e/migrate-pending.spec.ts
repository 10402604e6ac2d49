import type { Page } from "@playwright/test";
import { erc20Abi, type Hash } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { type ChainClient, connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";
import type { TestWallet } from "./support/testWallet";

const PAIR = "WETH / USDC";

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, PAIR);
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
});

/**
 * With automining off, the migration stays in the pool: the page must show it pending, with its hash. Returns once
 * the page has read the pending transaction: viem recognises a replacement by the original's sender and nonce, so
 * a wallet replacing it before that first read (within milliseconds of sending) could not be followed.
 */
async function migrateAndLeavePending(page: Page, chain: ChainClient, wallet: TestWallet): Promise<Hash> {
  await chain.setAutomine(false);
  const originalRead = page.waitForResponse((response) =>
    Boolean(response.request().postData()?.includes("eth_getTransactionByHash")),
  );
  await ui.migrate(page);
  await expect(ui.pending(page)).toBeVisible();
  const [sent] = wallet.sentTransactions;
  if (!sent) throw new Error("the page showed a pending transaction the wallet never sent");
  await expect(ui.pending(page)).toContainText(sent);
  await originalRead;
  return sent;
}

const lpBalance = (chain: ChainClient, wallet: TestWallet) =>
  chain.readContract({
    address: addressesFor(chain.chain.id).uniswapV2.pairs.WETH_USDC,
    abi: erc20Abi,
    functionName: "balanceOf",
    args: [wallet.account.address],
  });

test("a transaction sped up in the wallet is followed to its receipt", async ({ page, wallet, chain }) => {
  const nonceBefore = await chain.getTransactionCount({ address: wallet.account.address });
  const sent = await migrateAndLeavePending(page, chain, wallet);

  const spedUp = await wallet.replaceLastTransaction("speedUp");
  await chain.mine({ blocks: 1 });

  await expect(ui.migrated(page)).toBeVisible();
  await expect(page.getByRole("main")).toContainText(spedUp);
  await expect(page.getByRole("list", { name: "Migrated positions" })).toContainText("Uniswap V3 position #");
  await expectTransactionCount(chain, wallet, nonceBefore, 1);
  expect((await chain.getTransactionReceipt({ hash: spedUp })).status, "the replacement mined").toBe("success");
  await expect(chain.getTransactionReceipt({ hash: sent }), "the original never mined").rejects.toThrow();
  expect(await lpBalance(chain, wallet), "V2 LP fully withdrawn").toBe(0n);
});

test("a transaction cancelled in the wallet migrates nothing and keeps the signatures for a retry", async ({
  page,
  wallet,
  chain,
}) => {
  const lpBefore = await lpBalance(chain, wallet);
  await migrateAndLeavePending(page, chain, wallet);

  await wallet.replaceLastTransaction("cancel");
  await chain.mine({ blocks: 1 });

  await expect(ui.alert(page)).toContainText("The transaction was cancelled in your wallet, so nothing was migrated.");
  await expect(ui.pending(page)).toHaveCount(0);
  expect(await lpBalance(chain, wallet), "the LP tokens did not move").toBe(lpBefore);
  await expect(page.getByRole("list", { name: `Permit for ${PAIR}` })).toContainText("✓ Signed");
  await expect(ui.share(page, PAIR)).toHaveValue("100");

  await chain.setAutomine(true);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
  expect(wallet.sentTransactions, "the retry is a new transaction, signed with the kept permit").toHaveLength(2);
  expect(await lpBalance(chain, wallet), "V2 LP fully withdrawn").toBe(0n);
});
