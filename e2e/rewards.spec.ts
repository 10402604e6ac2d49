import { erc20Abi, parseEventLogs } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import { ferryDeployerKey } from "../devnet/deployFerry";
import { DEMO_REWARDS } from "../devnet/deployRewards";
import { advanceTime } from "../devnet/market";
import { readPointsConfig } from "../indexer/campaign";
import { publishRewards } from "../indexer/publisher";
import { rewardsEnv, rewardsSetup } from "../indexer/rewards";
import type { RewardsReport } from "../lib/campaign/rewardsClaim";
import { rewardsDeploymentFor } from "../lib/campaign/rewardsDeployment";
import { type Campaign, fetchStats } from "../lib/campaign/stats";
import { formatAmount } from "../lib/format";
import { migratorAbi, rewardsDistributorAbi } from "../lib/generated/abis";
import { expectNoViolations } from "./support/accessibility";
import { e2eEnv } from "./support/env";
import { connectWallet, expect, test } from "./support/fixtures";
import { migratePage as ui } from "./support/migratePage";

interface EpochSnapshot {
  timestamp: number;
}

/** Moves the chain to the next epoch's start, mines there and waits for the indexer's snapshot of that block. */
async function crossEpoch(chain: { getBlock(): Promise<{ timestamp: bigint }> }) {
  const { rule } = await fetchStats<Campaign>(e2eEnv("indexerUrl"), "/api/campaign");
  const now = Number((await chain.getBlock()).timestamp);
  const next = rule.startTime + (Math.floor((now - rule.startTime) / rule.epochSeconds) + 1) * rule.epochSeconds;
  await advanceTime(e2eEnv("rpcUrl"), next - now);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const [latest] = await fetchStats<EpochSnapshot[]>(e2eEnv("indexerUrl"), "/api/epochs?limit=1");
    if (latest && latest.timestamp >= next) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no epoch snapshot at ${next} within 60 s`);
}

test("migrate, epochs pass, the root is published and passes its window, claim in the browser; then nothing more", async ({
  page,
  wallet,
  chain,
}) => {
  test.setTimeout(180_000);
  const deployment = rewardsDeploymentFor(chain.chain.id);
  if (!deployment) throw new Error("lib/rewards.json has no distributor for the e2e chain");
  const distributor = { address: deployment.distributor, abi: rewardsDistributorAbi } as const;
  const user = wallet.account.address;

  await page.goto("/migrate");
  await connectWallet(page, wallet);
  await ui.select(page, "WETH / USDC");
  await ui.share(page, "WETH / USDC").fill("50");
  await ui.waitForPreview(page);
  await ui.review(page);
  await ui.sign(page);
  await ui.migrate(page);
  await expect(ui.migrated(page)).toBeVisible();
  const [migration] = wallet.sentTransactions;
  if (!migration) throw new Error("the migration sent no transaction");
  const { logs } = await chain.getTransactionReceipt({ hash: migration });
  expect(parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs })).toHaveLength(1);

  // The epoch of the migration closes: its snapshot credits the new position, then the publisher runs.
  await crossEpoch(chain);
  const rewards = rewardsSetup(
    rewardsEnv({ deployment, treeDir: e2eEnv("rewardsDir") }),
    chain.chain.id,
    readPointsConfig(),
  );
  if (!rewards) throw new Error("the default points config pays no rewards");
  const published = await publishRewards({
    chain: chain.chain,
    rpcUrl: e2eEnv("rpcUrl"),
    indexerUrl: e2eEnv("indexerUrl"),
    rewards,
    operator: privateKeyToAccount(ferryDeployerKey()),
  });
  if (published.status !== "proposed") throw new Error(`the publisher proposed nothing: ${JSON.stringify(published)}`);
  // Alone in the campaign (the earlier tests' migrations were reverted), the user earns each closed epoch's budget.
  const report = await fetchStats<RewardsReport>(e2eEnv("indexerUrl"), `/api/rewards/${user}`);
  expect(report.pending?.root).toBe(published.root);
  const owed = BigInt(report.pending?.claims[0]?.cumulativeAmount ?? 0);
  expect(owed).toBeGreaterThan(0n);
  expect(owed % rewards.budgetPerEpoch).toBe(0n);
  const [symbol, decimals] = await Promise.all([
    chain.readContract({ address: deployment.rewardToken, abi: erc20Abi, functionName: "symbol" }),
    chain.readContract({ address: deployment.rewardToken, abi: erc20Abi, functionName: "decimals" }),
  ]);
  const amount = `${formatAmount(owed, decimals, 4)} ${symbol}`;

  await page.getByRole("link", { name: "Dashboard" }).click();
  const card = page.getByRole("heading", { name: "My rewards" }).locator("..");
  await expect(
    card.getByRole("region", { name: "Claimable now" }).getByText(`0 ${symbol}`, { exact: true }),
  ).toBeVisible();
  await expect(
    card.getByRole("region", { name: "Next root" }).getByText(`claimable then: ${amount} more`),
  ).toBeVisible();
  await expect(card.getByText(/Nothing to claim right now/)).toBeVisible();

  // The dispute window passes: the root is claimable.
  await advanceTime(e2eEnv("rpcUrl"), DEMO_REWARDS.disputeWindowSeconds);
  expect(await chain.readContract({ ...distributor, functionName: "claimableRoot" })).toBe(published.root);
  await expect(card.getByRole("region", { name: "Claimable now" }).getByText(amount, { exact: true })).toBeVisible();
  await expectNoViolations(page, "dashboard, rewards claimable");

  const balanceOf = () =>
    chain.readContract({ address: deployment.rewardToken, abi: erc20Abi, functionName: "balanceOf", args: [user] });
  const before = await balanceOf();
  const nonce = await chain.getTransactionCount({ address: user });
  const sentBefore = wallet.sentTransactions.length;
  await card.getByRole("button", { name: `Claim ${amount}` }).click();
  await expect(card.getByRole("status").filter({ hasText: `Claimed ${amount} in one transaction` })).toBeVisible();
  expect(await balanceOf()).toBe(before + owed);
  expect(wallet.sentTransactions.length - sentBefore, "claim transactions sent").toBe(1);
  expect(await chain.getTransactionCount({ address: user })).toBe(nonce + 1);

  // Everything published is paid: the card says so and offers no second claim.
  await expect(
    card.getByText("Nothing to claim right now: you have claimed everything published so far."),
  ).toBeVisible();
  await expect(card.getByRole("button", { name: /^Claim/ })).toHaveCount(0);
  await expect(card.getByRole("region", { name: "Claimed so far" }).getByText(amount, { exact: true })).toBeVisible();
  await expectNoViolations(page, "dashboard, rewards claimed");
});
