import { erc20Abi, type Hash } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { nonfungiblePositionManagerAbi } from "../lib/generated/abis";
import { connectWallet, expect, expectTransactionCount, test } from "./support/fixtures";
import { expectGasCovered, shownGas } from "./support/gas";
import { migratePage as ui } from "./support/migratePage";

test("moves Uniswap V2 LP and an Aave V2 position together in exactly one transaction", async ({
  page,
  wallet,
  chain,
}) => {
  const { uniswapV2, uniswapV3, aaveV2, aaveV3 } = addressesFor(31337);
  const user = wallet.account.address;
  const balance = (token: `0x${string}`) =>
    chain.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [user] });
  const nfts = () =>
    chain.readContract({
      address: uniswapV3.positionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: "balanceOf",
      args: [user],
    });
  const [nonceBefore, nftsBefore] = await Promise.all([chain.getTransactionCount({ address: user }), nfts()]);

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await page.getByLabel("Move it in the same transaction as the Uniswap positions below").check();
  await ui.waitForPreview(page);
  await ui.review(page);
  await expect(page.getByRole("list", { name: "Permit for WETH / USDC" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Permit for aWETH" })).toBeVisible();
  await ui.sign(page);
  const gas = await shownGas(page.getByTestId("gas-estimate"));
  await ui.migrate(page);
  await expect(page.getByRole("heading", { name: "Migrated" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Your Aave V2 position moved to Aave V3 in the same transaction.");

  const [hash] = await expectTransactionCount(chain, wallet, nonceBefore, 1);
  await expectGasCovered(chain, gas, hash as Hash);
  expect(wallet.signedTypedData, "one LP permit and one aToken permit").toHaveLength(2);
  expect(await balance(uniswapV2.pairs.WETH_USDC), "V2 LP withdrawn").toBe(0n);
  expect(await nfts(), "a new V3 position").toBe(nftsBefore + 1n);
  expect(await balance(aaveV2.reserves.WETH.aToken), "Aave V2 supply moved").toBe(0n);
  expect(await balance(aaveV3.reserves.WETH.aToken), "supplied on Aave V3").toBeGreaterThan(0n);
});
