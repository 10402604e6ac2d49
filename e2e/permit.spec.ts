import { isAddressEqual, verifyTypedData } from "viem";
import { addressesFor } from "../lib/chain/addresses";
import { uniswapV2PairAbi } from "../lib/generated/abis";
import { ferryDeploymentFor } from "../lib/migrator/deployment";
import { type PermitMessage, permitTypes } from "../lib/signing/typedData";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
});

test("signs an EIP-2612 permit for the LP token that viem verifies", async ({ page, wallet, chain }) => {
  const { uniswapV2 } = addressesFor(chain.chain.id);
  const migrator = ferryDeploymentFor(chain.chain.id)?.migrator as `0x${string}`;
  const pair = uniswapV2.pairs.WETH_USDC;

  await ui.select(page, "WETH / USDC");
  await ui.share(page, "WETH / USDC").fill("50");
  await ui.waitForPreview(page);
  await ui.review(page);
  const details = page.getByRole("list", { name: "Permit for WETH / USDC" });
  await expect(details).toContainText(`Token: UNI-V2 (${pair})`);
  await expect(details).toContainText(`Spender: Ferry Migrator (${migrator})`);
  await ui.sign(page);
  await expect(details).toContainText("✓ Signed");

  expect(wallet.signedTypedData, "typed-data requests").toHaveLength(1);
  const signed = { message: wallet.signedTypedData[0]?.message as unknown as Record<keyof PermitMessage, string> };
  expect(isAddressEqual(signed.message.owner as `0x${string}`, wallet.account.address), "owner").toBe(true);
  expect(isAddressEqual(signed.message.spender as `0x${string}`, migrator), "spender").toBe(true);
  const lpBalance = await chain.readContract({
    address: pair,
    abi: uniswapV2PairAbi,
    functionName: "balanceOf",
    args: [wallet.account.address],
  });
  expect(BigInt(signed.message.value), "permit value is exactly half the LP balance").toBe(lpBalance / 2n);

  const valid = await verifyTypedData({
    address: wallet.account.address,
    domain: { name: "Uniswap V2", version: "1", chainId: chain.chain.id, verifyingContract: pair },
    types: permitTypes,
    primaryType: "Permit",
    message: {
      owner: wallet.account.address,
      spender: migrator,
      value: BigInt(signed.message.value),
      nonce: 0n,
      deadline: BigInt(signed.message.deadline),
    },
    signature: wallet.signatures[0] as `0x${string}`,
  });
  expect(valid, "signature recovers to the demo account").toBe(true);
});

test("a rejected signature leaves the page usable with a clear message", async ({ page, wallet }) => {
  await ui.select(page, "WETH / USDC");
  await ui.share(page, "WETH / USDC").fill("25");
  await ui.waitForPreview(page);
  await ui.review(page);

  wallet.rejectNextRequest("eth_signTypedData_v4");
  await ui.sign(page);
  await expect(ui.alert(page)).toContainText("You rejected the request in your wallet");
  await expect(ui.share(page, "WETH / USDC"), "input kept").toHaveValue("25");

  await ui.sign(page);
  await expect(page.getByRole("list", { name: "Permit for WETH / USDC" })).toContainText("✓ Signed");
  await expect(ui.alert(page)).toHaveCount(0);
});
