import { parseEventLogs } from "viem";
import { movePrice } from "../devnet/market";
import { depositedUsd } from "../devnet/migrations";
import { closedEpochsPoints, epochPoints } from "../lib/campaign/points";
import {
  type DailyTotal,
  fetchStats,
  formatPoints,
  formatUsd,
  toChartNumber,
  type UserReport,
} from "../lib/campaign/stats";
import { addressesFor } from "../lib/chain/addresses";
import { migratorAbi } from "../lib/generated/abis";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";
import { appliedRule, crossEpoch, reportListing, snapshotSince } from "./support/indexer";
import { migratePage as ui } from "./support/migratePage";

/** The chart's dollar format: compact ("$20K"). */
const COMPACT_USD = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", notation: "compact" });

/** `text` matched literally inside a RegExp. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

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
  // The 0.3% pool, which the test pushes off the market below (the default is the deepest pool).
  await ui.fee(page, "WETH / USDC", "0.3%");
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

  const fresh = await reportListing(wallet.account.address, "uniswap-v3", event.args.migration.tokenId, usd);
  // Client-side navigation: the dashboard is fed by the indexer, not by the migrate page's state.
  await page.getByRole("link", { name: "Dashboard" }).click();
  const tvl = page.getByRole("region", { name: "TVL migrated" });
  const myPoints = page.getByRole("region", { name: "My points" });
  await expect(tvl.getByText(formatUsd(usd.toString()), { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "My TVL" }).getByText(formatUsd(usd.toString()), { exact: true }),
  ).toBeVisible();

  // Before the epoch's end values it: nothing credited yet, but what it earns per epoch at the migrated value, by the
  // rule the snapshots apply, per position and in total, and when the first credit comes.
  const rule = await appliedRule();
  // The only position left once the indexer has replayed the earlier tests' reverts (the TVL above is this one's).
  const freshRate = epochPoints(usd, fresh.epoch.current, rule);
  expect(freshRate, "a fresh position earns").toBeGreaterThan(0n);
  const freshRow = page.getByRole("row", { name: `Uniswap V3 #${event.args.migration.tokenId}` });
  await expect(freshRow.getByRole("cell", { name: "not valued yet", exact: true })).toBeVisible();
  await expect(
    freshRow.getByRole("cell", { name: `~${formatPoints(freshRate.toString())}`, exact: true }),
  ).toBeVisible();
  await expect(
    freshRow.getByRole("cell", { name: "Earning: first credited at this epoch's end", exact: true }),
  ).toBeVisible();
  await expect(myPoints).toHaveText(new RegExp(`^My points${literal(formatPoints(fresh.points))}credited so far`));
  await expect(page.getByRole("region", { name: "My earning rate" })).toContainText(
    new RegExp(
      `^My earning rate~${literal(formatPoints(freshRate.toString()))}points per epoch at today's value; next credit in \\d+ (minutes|hours)`,
    ),
  );

  // The Over-time chart reads with the one day there is: both axes titled, the day's TVL marked and labelled.
  const [today] = (await fetchStats<DailyTotal[]>(e2eEnv("indexerUrl"), "/api/daily")).slice(-1);
  if (!today) throw new Error("the indexer lists no day of migrations");
  const chart = page.getByRole("figure", { name: "TVL and migrations per day" });
  for (const title of ["Day (UTC)", "TVL (USD)", "Migrations (count)"]) {
    await expect(chart.getByText(title, { exact: true })).toBeVisible();
  }
  await expect(
    chart.getByText(`TVL ${COMPACT_USD.format(toChartNumber(today.tvlUsd))}`, { exact: true }),
  ).toBeVisible();
  const marker = chart.locator(".recharts-line-dot").last();
  await expect(marker).toBeVisible();
  await expect(marker).toHaveAttribute("r", "5");

  // The epoch's end values the new position from chain state: it earns, and the points show without a reload.
  await expect(page.getByText(/^Epoch \d+$/)).toBeVisible();
  const snap = await snapshotSince(await crossEpoch(chain));
  const user = await fetchStats<UserReport>(e2eEnv("indexerUrl"), `/api/users/${wallet.account.address}`);
  const [held] = user.positions;
  if (!held) throw new Error("the indexer lists no position for the migrator");
  expect(held).toMatchObject({
    kind: "uniswap-v3",
    id: event.args.migration.tokenId.toString(),
    state: "earning",
  });
  // The V3 mint rounds down a little: what it holds is at most what it migrated, within a cent in a thousand.
  expect(BigInt(held.heldUsd)).toBeLessThanOrEqual(usd);
  expect(Number(held.heldUsd)).toBeGreaterThan(Number(usd) * 0.999);
  const points = closedEpochsPoints(BigInt(held.heldUsd), snap.firstEpoch, snap.epochs, rule);
  expect(points).toBeGreaterThan(0n);
  await expect(myPoints.getByText(formatPoints(points.toString()), { exact: true })).toBeVisible();
  // Credited now, and earning on the value the snapshot found.
  expect(held.earningPerEpoch).toBe(epochPoints(BigInt(held.heldUsd), user.epoch.current, rule).toString());
  const row = page.getByRole("row", { name: `Uniswap V3 #${held.id}` });
  await expect(row.getByRole("cell", { name: formatPoints(held.points), exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: `~${formatPoints(held.earningPerEpoch)}`, exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Earning", exact: true })).toBeVisible();

  // Pushed well off the oracle's price, the pool earns nothing the next epoch, and the dashboard says why.
  await movePrice(e2eEnv("rpcUrl"), { venue: { v3: "WETH_USDC_3000" }, sell: "WETH", amount: 200n * 10n ** 18n });
  await snapshotSince(await crossEpoch(chain));
  await expect(row.getByRole("cell", { name: /^Off-market pool/ })).toBeVisible();
  await expect(myPoints.getByText(formatPoints(points.toString()), { exact: true })).toBeVisible();
});
