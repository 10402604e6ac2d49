import { isAddressEqual, verifyTypedData } from "viem";
import { addressesFor } from "../lib/addresses";
import { ferryDeploymentFor } from "../lib/ferry";
import { uniswapV2PairAbi } from "../lib/generated/abis";
import { permitTypedData } from "../lib/permit";
import { connectWallet, expect, test } from "./support/fixtures";

test.beforeEach(async ({ page, wallet }) => {
  await page.goto("/migrate");
  await connectWallet(page, wallet);
});

test("signs an EIP-2612 permit for the LP token that viem verifies", async ({ page, wallet, chain }) => {
  const { uniswapV2 } = addressesFor(chain.chain.id);
  const migrator = ferryDeploymentFor(chain.chain.id)?.migrator;

  await page.getByRole("radio", { name: "Migrate WETH / USDC" }).check();
  await page.getByLabel("Share of the position to move (%)").fill("50");
  await page.getByRole("button", { name: "Review permit" }).click();
  const details = page.getByRole("list", { name: "Permit details" });
  await expect(details).toContainText(`Token: UNI-V2 (${uniswapV2.pairs.WETH_USDC})`);
  await expect(details).toContainText(`Spender: Ferry Migrator (${migrator})`);
  await page.getByRole("button", { name: "Sign permit" }).click();

  const signature = await page.getByTestId("permit-signature").textContent();
  expect(wallet.signedTypedData, "typed-data requests").toHaveLength(1);
  const [signed] = wallet.signedTypedData;
  const message = signed?.message as { owner: string; spender: string; value: string; deadline: string };
  expect(isAddressEqual(message.owner as `0x${string}`, wallet.account.address), "owner").toBe(true);
  expect(isAddressEqual(message.spender as `0x${string}`, migrator as `0x${string}`), "spender").toBe(true);
  const lpBalance = await chain.readContract({
    address: uniswapV2.pairs.WETH_USDC,
    abi: uniswapV2PairAbi,
    functionName: "balanceOf",
    args: [wallet.account.address],
  });
  expect(BigInt(message.value), "permit value is exactly half the LP balance").toBe(lpBalance / 2n);

  const valid = await verifyTypedData({
    address: wallet.account.address,
    ...permitTypedData({
      domain: {
        name: "Uniswap V2",
        version: "1",
        chainId: chain.chain.id,
        verifyingContract: uniswapV2.pairs.WETH_USDC,
      },
      message: {
        owner: wallet.account.address,
        spender: migrator as `0x${string}`,
        value: BigInt(message.value),
        nonce: 0n,
        deadline: BigInt(message.deadline),
      },
      token: { symbol: "UNI-V2", decimals: 18 },
      spenderName: "Ferry Migrator",
    }),
    signature: signature as `0x${string}`,
  });
  expect(valid, "signature recovers to the demo account").toBe(true);
});

test("a rejected signature leaves the page usable with a clear message", async ({ page, wallet }) => {
  await page.getByRole("radio", { name: "Migrate WETH / USDC" }).check();
  await page.getByLabel("Share of the position to move (%)").fill("25");
  await page.getByRole("button", { name: "Review permit" }).click();

  wallet.rejectNextRequest("eth_signTypedData_v4");
  await page.getByRole("button", { name: "Sign permit" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("You rejected the request in your wallet");
  await expect(page.getByLabel("Share of the position to move (%)"), "input kept").toHaveValue("25");

  await page.getByRole("button", { name: "Sign permit" }).click();
  await expect(page.getByTestId("permit-signature")).toHaveText(/^0x[0-9a-f]{130}$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});
