import { db, publicClients } from "ponder:api";
import schema from "ponder:schema";
import { Hono } from "hono";
import { and, asc, eq, lte } from "ponder";
import { type Address, getAddress, type Hex, isAddress, zeroHash } from "viem";
import type { RewardClaim } from "../../../lib/campaign/rewardsTree";
import { rewardsDistributorAbi } from "../../../lib/generated/abis";
import { readPointsConfig } from "../../campaign";
import { indexedChain } from "../../chains";
import { readRewardsLeaves, readRewardsTree, rewardsSetup } from "../../rewards";

/**
 * The rewards API: what each user can claim against the distributor's claimable root and the pending one (with its
 * proofs, from the trees the publisher wrote), the published trees themselves, and the per-user snapshot credits the
 * publisher computes rewards from. Amounts are decimal strings.
 */
const chain = indexedChain(process.env);
const rewards = rewardsSetup(process.env, chain.id, readPointsConfig(process.env.FERRY_POINTS_CONFIG));

const app = new Hono();

function client() {
  const clients = publicClients as Record<string, (typeof publicClients)[keyof typeof publicClients]>;
  const found = clients[chain.name];
  if (!found) throw new Error(`no client for ${chain.name}`);
  return found;
}

app.use("/api/rewards/*", async (c, next) => {
  if (!rewards) return c.json({ error: `no rewards campaign on chain ${chain.id}` }, 404);
  await next();
});

/** Each snapshot at or below `toBlock` with the USD it credited to each user who earned in it. */
app.get("/api/rewards/credits", async (c) => {
  const toBlock = c.req.query("toBlock");
  if (toBlock !== undefined && !/^[0-9]+$/.test(toBlock)) return c.json({ error: `not a block: ${toBlock}` }, 400);
  const upTo = toBlock === undefined ? undefined : BigInt(toBlock);
  const [snapshots, credits] = await Promise.all([
    db
      .select()
      .from(schema.epochSnapshot)
      .where(
        and(
          eq(schema.epochSnapshot.chainId, chain.id),
          upTo === undefined ? undefined : lte(schema.epochSnapshot.blockNumber, upTo),
        ),
      )
      .orderBy(asc(schema.epochSnapshot.blockNumber)),
    db
      .select()
      .from(schema.userSnapshot)
      .where(
        and(
          eq(schema.userSnapshot.chainId, chain.id),
          upTo === undefined ? undefined : lte(schema.userSnapshot.blockNumber, upTo),
        ),
      ),
  ]);
  const byBlock = new Map<bigint, [Address, string][]>();
  for (const credit of credits) {
    const users = byBlock.get(credit.blockNumber) ?? [];
    users.push([credit.user, credit.heldUsd.toString()]);
    byBlock.set(credit.blockNumber, users);
  }
  return c.json(
    snapshots.map((snapshot) => ({
      blockNumber: snapshot.blockNumber.toString(),
      firstEpoch: snapshot.firstEpoch,
      epochs: snapshot.epochs,
      credits: byBlock.get(snapshot.blockNumber) ?? [],
    })),
  );
});

/** Every leaf of a published tree, to rebuild it and check it against the root on chain. */
app.get("/api/rewards/trees/:root", (c) => {
  const root = c.req.param("root") as Hex;
  if (!/^0x[0-9a-fA-F]{64}$/.test(root)) return c.json({ error: `not a root: ${root}` }, 400);
  const leaves = rewards && readRewardsLeaves(rewards.treeDir, root.toLowerCase() as Hex);
  if (!leaves) return c.json({ error: `no published tree of root ${root}` }, 404);
  return c.json({
    root,
    rewards: leaves.map((leaf) => ({ ...leaf, cumulativeAmount: leaf.cumulativeAmount.toString() })),
  });
});

const claimView = (claims: readonly RewardClaim[]) =>
  claims.map((claim) => ({ ...claim, cumulativeAmount: claim.cumulativeAmount.toString() }));

/**
 * A user's leaves in the claimable root and in the pending one (with when it becomes claimable): each an empty list
 * when the user has no leaf in it, the root null when there is none. A root whose tree was not published here is an
 * error: its proofs cannot be served.
 */
app.get("/api/rewards/:address", async (c) => {
  const address = c.req.param("address");
  if (!isAddress(address)) return c.json({ error: `not an address: ${address}` }, 400);
  if (!rewards) return c.notFound();
  const user = getAddress(address);
  const distributor = { address: rewards.distributor, abi: rewardsDistributorAbi } as const;
  const [claimableRoot, [pendingRoot, claimableAt]] = await Promise.all([
    client().readContract({ ...distributor, functionName: "claimableRoot" }),
    client().readContract({ ...distributor, functionName: "pendingRoot" }),
  ]);
  const leaves = (root: Hex) => {
    if (root === zeroHash) return null;
    const tree = readRewardsTree(rewards.treeDir, root);
    if (!tree) throw new Error(`the distributor's root ${root} has no published tree in ${rewards.treeDir}`);
    return { root, claims: claimView(tree.claims.get(user) ?? []) };
  };
  try {
    const pending = leaves(pendingRoot);
    return c.json({
      distributor: rewards.distributor,
      token: rewards.token,
      claimable: leaves(claimableRoot),
      pending: pending && { ...pending, claimableAt: Number(claimableAt) },
    });
  } catch (error) {
    return c.json({ error: (error as Error).message }, 503);
  }
});

export default app;
