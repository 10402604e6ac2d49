import { parseEventLogs, zeroAddress } from "viem";
import { depositedUsd } from "../devnet/migrations";
import { fetchStats, formatUsd, type UserReport } from "../lib/campaign/stats";
import { addressesFor } from "../lib/chain/addresses";
import { migratorAbi } from "../lib/generated/abis";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";
import { crossEpoch, reportListing, snapshotSince } from "./support/indexer";
import { migratePage as ui } from "./support/migratePage";

const { uniswapV4, aaveV3, tokens } = addressesFor(31337);

test("after a V3 → V4 migration, the dashboard lists the V4 position: its pool by name, its value, earning", async ({
  page,
  wallet,
  chain,
}) => {
  test.setTimeout(180_000);
  const user = wallet.account.address;
  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "Position #5, WETH/USDC 0.05%");
  await ui.v4Currency(page, "position #5", "Native ETH");
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
  const [hash] = wallet.sentTransactions;
  if (!hash) throw new Error("the migration sent no transaction");
  const receipt = await chain.getTransactionReceipt({ hash });
  const [event] = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: receipt.logs });
  if (!event) throw new Error("the migration emitted no Migrated event");
  const { migration } = event.args;
  expect(migration.positionManager, "a V4 position").toBe(uniswapV4.positionManager);
  expect(migration.destination, "in the native ETH/USDC pool").toBe(uniswapV4.pools.ETH_USDC_500.id);
  // Native ETH is valued at WETH's oracle price, as the indexer does.
  const asOracleAsset = { ...migration, token0: migration.token0 === zeroAddress ? tokens.WETH : migration.token0 };
  const { usd } = await depositedUsd(chain, aaveV3.oracle, receipt.blockNumber, asOracleAsset);
  expect(usd, "the deposit has a value").toBeGreaterThan(0n);
  await reportListing(user, "uniswap-v4", migration.tokenId, usd);

  // The receipt's link leads to the position's row: the pool named from its key, not valued yet, already earning.
  await page.getByRole("link", { name: `See V4 position #${migration.tokenId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard#position-uniswap-v4-${migration.tokenId}$`));
  const row = page.getByRole("row", { name: `Uniswap V4 #${migration.tokenId}` });
  await expect(row.getByRole("cell", { name: "ETH / USDC 0.05% · V4", exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "not valued yet", exact: true })).toBeVisible();
  await expect(
    row.getByRole("cell", { name: "Earning: first credited at this epoch's end", exact: true }),
  ).toBeVisible();

  // The epoch's end values it from the V4 position's state on chain, and the row shows it without a reload.
  await snapshotSince(await crossEpoch(chain));
  const report = await fetchStats<UserReport>(e2eEnv("indexerUrl"), `/api/users/${user}`);
  const held = report.positions.find(({ kind, id }) => kind === "uniswap-v4" && id === migration.tokenId.toString());
  if (!held) throw new Error(`the indexer lists no V4 position #${migration.tokenId}`);
  expect(held).toMatchObject({ state: "earning", valued: true, pool: uniswapV4.pools.ETH_USDC_500.id });
  // The position holds what was deposited, rounded down by the pool's math: within a cent in a thousand.
  expect(BigInt(held.heldUsd)).toBeLessThanOrEqual(usd);
  expect(Number(held.heldUsd)).toBeGreaterThan(Number(usd) * 0.999);
  await expect(row.getByRole("cell", { name: formatUsd(held.heldUsd), exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "Earning", exact: true })).toBeVisible();
});
