import {
  type Address,
  type Chain,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type LocalAccount,
  type PublicClient,
  zeroHash,
} from "viem";
import { type SnapshotCredits, snapshotEpochRewards } from "../lib/campaign/rewardsEpochs";
import { cumulativeRewards } from "../lib/campaign/rewardsSplit";
import { type Campaign, fetchStats } from "../lib/campaign/stats";
import { rewardsDistributorAbi } from "../lib/generated/abis";
import { type RewardsSetup, writeRewardsTree } from "./rewards";

export interface PublisherOptions {
  chain: Chain;
  rpcUrl: string;
  /** The indexer's API, whose snapshots (and the points rule it applies) the rewards are computed from. */
  indexerUrl: string;
  rewards: RewardsSetup;
  /** The distributor's operator. */
  operator: LocalAccount;
}

/** What one publishing round did. */
export type PublishOutcome =
  | { status: "nothing-final" }
  | { status: "unchanged"; root: Hex }
  | { status: "waiting"; root: Hex; pendingRoot: Hex; claimableAt: number }
  | { status: "canceled"; root: Hex }
  | { status: "proposed"; root: Hex; users: number; finalBlock: bigint; transaction: Hex };

/**
 * One publishing round: the epochs whose snapshot is final (at least `finalityBlocks` under the head) give every
 * user's cumulative reward; their tree is written where the API serves it and its root proposed as the operator,
 * unless it is the distributor's latest root already (so a round repeated on the same data proposes nothing) or
 * another root is still in its dispute window (the next round proposes once it has passed), or the guardian canceled
 * this very root (proposing it again would restart the dispute the guardian ended; a later root, from new epochs or
 * mended data, is proposed as usual).
 */
export async function publishRewards(options: PublisherOptions): Promise<PublishOutcome> {
  const { chain, rpcUrl, rewards } = options;
  // The rule as the indexer applies it: its epochs count from the campaign's start on chain, not the config's.
  const { rule } = await fetchStats<Campaign>(options.indexerUrl, "/api/campaign");
  const client = createPublicClient({ chain, transport: http(rpcUrl) });
  const head = await client.getBlockNumber();
  const finalBlock = head - BigInt(rewards.finalityBlocks);
  const snapshots = await finalSnapshots(options.indexerUrl, finalBlock);
  const leaves = cumulativeRewards(snapshotEpochRewards(snapshots, rule, rewards.token, rewards.budgetPerEpoch));
  if (leaves.length === 0) return { status: "nothing-final" };

  const tree = writeRewardsTree(rewards.treeDir, leaves);
  const distributor = { address: rewards.distributor, abi: rewardsDistributorAbi } as const;
  const [[pendingRoot, claimableAt], claimableRoot] = await Promise.all([
    client.readContract({ ...distributor, functionName: "pendingRoot" }),
    client.readContract({ ...distributor, functionName: "claimableRoot" }),
  ]);
  const latest = pendingRoot === zeroHash ? claimableRoot : pendingRoot;
  if (latest === tree.root) return { status: "unchanged", root: tree.root };
  if (pendingRoot !== zeroHash) {
    return { status: "waiting", root: tree.root, pendingRoot, claimableAt: Number(claimableAt) };
  }
  if (await wasCanceled(client, rewards, tree.root)) return { status: "canceled", root: tree.root };
  const wallet = createWalletClient({ chain, transport: http(rpcUrl), account: options.operator });
  const transaction = await wallet.writeContract({ ...distributor, functionName: "proposeRoot", args: [tree.root] });
  const receipt = await client.waitForTransactionReceipt({ hash: transaction });
  if (receipt.status !== "success") throw new Error(`proposeRoot(${tree.root}) reverted in ${transaction}`);
  return { status: "proposed", root: tree.root, users: tree.claims.size, finalBlock, transaction };
}

/** Whether the guardian canceled `root` (the distributor's `RootCanceled` events since its deployment). */
async function wasCanceled(client: PublicClient, rewards: RewardsSetup, root: Hex): Promise<boolean> {
  const canceled = await client.getContractEvents({
    address: rewards.distributor,
    abi: rewardsDistributorAbi,
    eventName: "RootCanceled",
    args: { root },
    fromBlock: rewards.deployBlock,
  });
  return canceled.length > 0;
}

/** A snapshot as `/api/rewards/credits` serves it. */
interface CreditsRow {
  blockNumber: string;
  firstEpoch: number;
  epochs: number;
  credits: [Address, string][];
}

async function finalSnapshots(indexerUrl: string, finalBlock: bigint): Promise<SnapshotCredits[]> {
  const url = `${indexerUrl}/api/rewards/credits?toBlock=${finalBlock}`;
  const response = await fetch(url).catch((error: Error) => {
    throw new Error(`the indexer at ${indexerUrl} did not answer: ${error.message}`);
  });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  const rows = (await response.json()) as CreditsRow[];
  return rows.map((row) => ({
    blockNumber: BigInt(row.blockNumber),
    firstEpoch: row.firstEpoch,
    epochs: row.epochs,
    credits: new Map(row.credits.map(([user, usd]) => [user, BigInt(usd)])),
  }));
}

/** The operator's key from `FERRY_OPERATOR_KEY`, with a message saying what to set when it is missing or malformed. */
export function operatorKey(env: Record<string, string | undefined>): Hex {
  const key = env.FERRY_OPERATOR_KEY;
  if (!key) {
    throw new Error(
      "FERRY_OPERATOR_KEY is not set: the publisher proposes roots as the distributor's operator and needs its private key",
    );
  }
  if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new Error("FERRY_OPERATOR_KEY must be a 32-byte hex private key (0x…)");
  return key as Hex;
}

/**
 * Runs a publishing round every `intervalMs` (never two at once) until stopped, reporting each round that did
 * something or failed; a failed round is retried at the next tick.
 */
export function startPublisher(
  options: PublisherOptions,
  intervalMs: number,
  report: (message: string) => void,
): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  let lastReport = "";
  const tick = () => {
    round = publishRewards(options).then(
      (outcome) => {
        const message = describeOutcome(outcome);
        if (message !== lastReport) report(message);
        lastReport = message;
      },
      (error: Error) => report(`rewards publisher: ${error.message}`),
    );
    round.then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}

function describeOutcome(outcome: PublishOutcome): string {
  switch (outcome.status) {
    case "nothing-final":
      return "rewards: no final epoch with points yet";
    case "unchanged":
      return `rewards: root ${outcome.root} is the latest`;
    case "waiting":
      return `rewards: root ${outcome.root} waits for ${outcome.pendingRoot}'s dispute window (until ${new Date(outcome.claimableAt * 1000).toISOString()} chain time)`;
    case "canceled":
      return `rewards: root ${outcome.root} was canceled by the guardian; it is not proposed again (new epochs or mended data give the next root)`;
    case "proposed":
      return `rewards: proposed root ${outcome.root} for ${outcome.users} users (snapshots up to block ${outcome.finalBlock})`;
  }
}
