import { parseEventLogs } from "viem";
import { devAccount } from "../devnet/deploy/config";
import { advanceTime } from "../devnet/market";
import { approvePair, depositedUsd, devnetWallet, migrateV2ToV3 } from "../devnet/migrations";
import { loadPointsRule } from "../indexer/campaign";
import { addressesFor } from "../lib/addresses";
import { formatPoints, formatUsd } from "../lib/campaignStats";
import { ferryDeploymentFor } from "../lib/ferry";
import { migratorAbi } from "../lib/generated/abis";
import { accruedPoints } from "../lib/points";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";

const DAY = 86_400;

test("shows the new TVL and the user's points after a migration, without a reload", async ({ page, wallet, chain }) => {
  const addresses = addressesFor(chain.chain.id);
  const ferry = ferryDeploymentFor(chain.chain.id);
  if (!ferry) throw new Error("Ferry is not deployed on the e2e chain");
  await page.goto("/dashboard");
  await connectWallet(page, wallet);
  const tvl = page.getByRole("region", { name: "TVL migrated" });
  const myPoints = page.getByRole("region", { name: "My points" });
  await expect(tvl.getByText("$0", { exact: true })).toBeVisible();
  await expect(myPoints.getByText("0", { exact: true })).toBeVisible();

  // The browser migrate flow is another page's job: send the same transaction from the test wallet's account.
  const sender = devnetWallet(e2eEnv("rpcUrl"), chain.chain, devAccount(1));
  expect(sender.account.address).toBe(wallet.account.address);
  await approvePair(sender, addresses.uniswapV2.pairs.WETH_USDC, ferry.migrator);
  const hash = await migrateV2ToV3(sender, {
    migrator: ferry.migrator,
    pair: addresses.uniswapV2.pairs.WETH_USDC,
    fee: 3000,
    percentageBps: 5_000,
  });
  const receipt = await chain.getTransactionReceipt({ hash });
  const [event] = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: receipt.logs });
  if (!event) throw new Error("the migration emitted no Migrated event");
  const { usd } = await depositedUsd(chain, addresses.aaveV3.oracle, receipt.blockNumber, event.args.migration);
  await expect(tvl.getByText(formatUsd(usd.toString()), { exact: true })).toBeVisible();

  // A day in the new version earns a day of points.
  const migratedAt = Number((await chain.getBlock({ blockNumber: receipt.blockNumber })).timestamp);
  await advanceTime(e2eEnv("rpcUrl"), DAY);
  const now = Number((await chain.getBlock()).timestamp);
  const points = accruedPoints(usd, migratedAt, now, loadPointsRule());
  expect(points).toBeGreaterThan(0n);
  await expect(myPoints.getByText(formatPoints(points.toString()), { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "My TVL" }).getByText(formatUsd(usd.toString()), { exact: true }),
  ).toBeVisible();
});
