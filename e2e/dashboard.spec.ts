import { parseEventLogs } from "viem";
import { advanceTime } from "../devnet/market";
import { depositedUsd } from "../devnet/migrations";
import { loadPointsRule } from "../indexer/campaign";
import { accruedPoints } from "../lib/campaign/points";
import { formatPoints, formatUsd } from "../lib/campaign/stats";
import { addressesFor } from "../lib/chain/addresses";
import { migratorAbi } from "../lib/generated/abis";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

const DAY = 86_400;

test("after a migration in the browser, the dashboard shows the new TVL and the user's points, live", async ({
  page,
  wallet,
  chain,
}) => {
  const addresses = addressesFor(chain.chain.id);
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await ui.share(page, "WETH / USDC").fill("50");
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
  await ui.migrate(page);
  await expect(page.getByRole("heading", { name: "Migrated" })).toBeVisible();
  const [hash] = wallet.sentTransactions;
  if (!hash) throw new Error("the migration sent no transaction");
  const receipt = await chain.getTransactionReceipt({ hash });
  const [event] = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: receipt.logs });
  if (!event) throw new Error("the migration emitted no Migrated event");
  const { usd } = await depositedUsd(chain, addresses.aaveV3.oracle, receipt.blockNumber, event.args.migration);

  // Client-side navigation: the dashboard is fed by the indexer, not by the migrate page's state.
  await page.getByRole("link", { name: "Dashboard" }).click();
  const tvl = page.getByRole("region", { name: "TVL migrated" });
  const myPoints = page.getByRole("region", { name: "My points" });
  await expect(tvl.getByText(formatUsd(usd.toString()), { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "My TVL" }).getByText(formatUsd(usd.toString()), { exact: true }),
  ).toBeVisible();

  // A day in the new version earns a day of points, shown without a reload.
  const migratedAt = Number((await chain.getBlock({ blockNumber: receipt.blockNumber })).timestamp);
  await advanceTime(e2eEnv("rpcUrl"), DAY);
  const now = Number((await chain.getBlock()).timestamp);
  const points = accruedPoints(usd, migratedAt, now, loadPointsRule());
  expect(points).toBeGreaterThan(0n);
  await expect(myPoints.getByText(formatPoints(points.toString()), { exact: true })).toBeVisible();
});
