import { decodeFunctionData, erc721Abi } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { ferryDeploymentFor } from "../lib/migrator/deployment";
import { expectNoViolations } from "./support/accessibility";
import { tokenBalance } from "./support/balances";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";
import { refuseRpcMethod } from "./support/rpcRequests";
import { giveV4Position, nextV4TokenId, v4Liquidity } from "./support/uniswapV4";

const { uniswapV2, uniswapV4 } = addressesFor(31337);
const PAIR = "WETH / USDC";

test("adds V2 LP to the V4 position alice holds, in its range: one approval of that position, then one migration", async ({
  page,
  wallet,
  chain,
}) => {
  test.setTimeout(120_000);
  // Alice moved half her V2 LP into a new full-range WETH/USDC 0.3% V4 position earlier; the other half joins it now.
  const tokenId = await giveV4Position(chain, wallet.account);
  const liquidityBefore = await v4Liquidity(chain, tokenId);
  const nextTokenId = await nextV4TokenId(chain);
  const user = wallet.account.address;
  const nonceBefore = await chain.getTransactionCount({ address: user });

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, PAIR);
  await ui.version(page, PAIR, "Uniswap V4");
  const destination = page.getByRole("radiogroup", { name: `Destination for ${PAIR} in V4` });
  const newPosition = destination.getByRole("radio", { name: "A new position" });
  const held = destination.getByRole("radio", {
    name: new RegExp(`^Add to your position #${tokenId} \\(full range, liquidity [\\d,]+\\)$`),
  });
  await expect(newPosition).toBeChecked();
  await destination.getByText(`Add to your position #${tokenId}`).click();
  await expect(held).toBeChecked();
  // The held position fixes the range: shown, not editable.
  const range = page.getByRole("radiogroup", { name: `Price range for ${PAIR}` });
  await expect(range.getByRole("radio", { name: "Full range" })).toBeChecked();
  await expect(range.getByRole("radio", { name: "Full range" })).toBeDisabled();
  await expect(page.getByText(`The range of position #${tokenId}.`)).toBeVisible();

  await ui.waitForPreview(page);
  const preview = page.getByRole("definition").filter({ hasText: `Your V4 position #${tokenId} in` });
  await expect(preview).toHaveText(`Your V4 position #${tokenId} in WETH / USDC 0.3%, in its range`);
  await expect(page.getByTestId("refund")).toContainText(/\d WETH \+ [\d.,]+ USDC/);
  await expect(ui.reviewCard(page).getByRole("list", { name: "Destinations" })).toHaveText(
    `${PAIR}: Adds to your V4 position #${tokenId} in WETH / USDC 0.3%`,
  );
  await expectNoViolations(page, "V2 → held V4 position, settings and preview");

  await ui.review(page);
  const approval = page.getByRole("list", { name: `Approval of V4 position #${tokenId}` });
  await expect(approval).toContainText(
    `Lets Ferry Migrator add liquidity to your V4 position #${tokenId} (WETH / USDC 0.3%); this position only`,
  );
  await expect(approval).toContainText("One approval transaction, sent before the migration");
  await ui.sign(page);
  await expect(page.getByRole("button", { name: "Migrate in one transaction" })).toHaveCount(0);
  await page.getByRole("button", { name: "Approve and migrate" }).click();
  await expect(ui.migrated(page)).toBeVisible();
  await expect(page.getByRole("list", { name: "Migrated positions" })).toContainText(
    `${PAIR} → added to your Uniswap V4 position #${tokenId}`,
  );

  const [approve] = await expectTransactionCount(chain, wallet, nonceBefore, 2);
  const approveTx = await chain.getTransaction({ hash: approve as `0x${string}` });
  expect(approveTx.to?.toLowerCase(), "the approval goes to the V4 PositionManager").toBe(
    uniswapV4.positionManager.toLowerCase(),
  );
  expect(decodeFunctionData({ abi: erc721Abi, data: approveTx.input }), "approve(tokenId), never for all").toEqual({
    functionName: "approve",
    args: [ferryDeploymentFor(31337)?.migrator, tokenId],
  });
  expect(wallet.signedTypedData, "only the LP permit is signed").toHaveLength(1);
  expect(await nextV4TokenId(chain), "no V4 position minted").toBe(nextTokenId);
  expect(await v4Liquidity(chain, tokenId), "the held position's liquidity grew").toBeGreaterThan(liquidityBefore);
  expect(await tokenBalance(chain, uniswapV2.pairs.WETH_USDC, user), "V2 LP fully withdrawn").toBe(0n);
});

test("a node that refuses to list the account's V4 positions: said plainly, and the migration mints a new position", async ({
  page,
  wallet,
  chain,
}) => {
  const tokenId = await giveV4Position(chain, wallet.account);
  // The V4 PositionManager enumerates no owner's tokens: the page finds them in its Transfer logs, which providers
  // limit to a block range.
  await refuseRpcMethod(page, e2eEnv("rpcUrl"), "eth_getLogs", {
    code: -32005,
    message: "query exceeds max block range 10000",
  });

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, PAIR);
  await ui.version(page, PAIR, "Uniswap V4");
  // viem's sentence for the limit error (-32005).
  await expect(page.getByText("Ferry could not read your Uniswap V4 positions, so it mints a new one.")).toContainText(
    "Request exceeds defined limit.",
  );
  await expect(page.getByText(`Add to your position #${tokenId}`)).toHaveCount(0);
  await ui.waitForPreview(page);
  await expect(ui.reviewCard(page).getByRole("list", { name: "Destinations" })).toContainText(
    `${PAIR}: Mints a new V4 position in WETH / USDC`,
  );
});
