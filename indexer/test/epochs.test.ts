import { erc20Abi, maxUint256, parseAbi } from "viem";
import { describe, expect, it } from "vitest";
import { minedReceipt, rpc } from "../../devnet/anvil";
import { devAccount } from "../../devnet/deploy/config";
import { movePrice } from "../../devnet/market";
import { approvePair, migrateV2ToV3 } from "../../devnet/migrations";
import { revert, snapshot } from "../../devnet/world";
import { boundedCredit, closedEpochsPoints, epochPoints, ONE_USD } from "../../lib/campaign/points";
import type { Campaign, PositionHolding, Summary, UserReport } from "../../lib/campaign/stats";
import { aaveV3PoolAbi } from "../../lib/generated/abis";
import { hostilePair } from "./hostileTokens";
import {
  type EpochSnapshot,
  HOURLY_RULE,
  indexedWorldForFile,
  lendingHolding,
  RESTART_TIMEOUT_MS,
  uniswapHolding,
} from "./indexedWorld";

const HOUR = 3_600;
const ALICE = 1;
const BOB = 2;
const CAROL = 3;

const world = indexedWorldForFile(HOURLY_RULE);

const address = (index: number) => world.wallet(index).account.address;
const report = (index: number) => world.api<UserReport>(`/api/users/${address(index)}`);
const waitForMigrations = (count: number) => world.waitFor<Summary>("/api/summary", (s) => s.migrations === count);

describe("epoch snapshots on the world", () => {
  it("counts epochs from Ferry's deployment, not from a configured start months earlier: the first boundary closes epoch 0 alone", async () => {
    const client = world.wallet(ALICE);
    // The rule was configured to start at the deployment record's block: the world's head, before its clock jumped
    // to the wall clock for the deployment itself.
    const configured = await client.getBlock({ blockNumber: BigInt(world.ferry.deployBlock) });
    const firstBlock = await client.getBlock({ blockNumber: BigInt(world.ferry.deployBlock + 1) });
    expect(Number(firstBlock.timestamp - configured.timestamp)).toBeGreaterThan(30 * 86_400);
    expect(world.rule.startTime).toBe(Number(firstBlock.timestamp));
    const campaign = await world.api<Campaign>("/api/campaign");
    expect(campaign.epoch.current).toBe(0);

    const snap = await world.crossEpoch();
    expect(snap).toMatchObject({ firstEpoch: 0, epochs: 1 });
    // Mined at the boundary or a little after it (the clock moves on while the test runs), never a later epoch.
    expect(snap.timestamp).toBeGreaterThanOrEqual(world.rule.startTime + HOUR);
    expect(snap.timestamp).toBeLessThan(world.rule.startTime + 2 * HOUR);
  });

  it("records a token without decimals() and one the oracle cannot price as worth 0, and indexes the next migration", async () => {
    const bob = world.wallet(BOB);
    for (const revertDecimals of [true, false]) {
      const { pair } = await hostilePair(bob, {
        v2Factory: world.addresses.uniswapV2.factory,
        weth: world.addresses.tokens.WETH,
        revertDecimals,
      });
      await approvePair(bob, pair, world.ferry.migrator);
      await migrateV2ToV3(bob, { migrator: world.ferry.migrator, pair, fee: 3000, percentageBps: 10_000 });
    }
    await world.migrate(ALICE, 5_000);
    await waitForMigrations(3);

    const poisoned = await world.api<{ unpriced: string | null; usd: string }[]>(
      `/api/migrations?user=${address(BOB)}`,
    );
    expect(poisoned.map((row) => row.unpriced)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^token[01]:no-price$/),
        expect.stringMatching(/^token[01]:no-decimals$/),
      ]),
    );
    // The WETH leg is still valued; the hostile leg counts 0.
    for (const row of poisoned) expect(BigInt(row.usd)).toBeLessThan(10n * 3_000n * ONE_USD);
    const [honest] = await world.api<{ unpriced: string | null; usd: string }[]>(
      `/api/migrations?user=${address(ALICE)}`,
    );
    expect(honest?.unpriced).toBeNull();
    expect(BigInt(honest?.usd ?? 0)).toBeGreaterThan(0n);
  });

  it("pays an honest migrator exactly its held value per epoch across several epochs, and nothing for unpriced positions", async () => {
    const [migration] = await world.api<{ destinationId: string; usd: string }[]>(
      `/api/migrations?user=${address(ALICE)}`,
    );
    if (!migration) throw new Error("the first test's migration is missing");
    // Before the first snapshot: nothing credited yet, but the rate is what the migrated value earns this epoch.
    const fresh = await report(ALICE);
    expect(uniswapHolding(fresh)).toMatchObject({ valued: false, heldUsd: "0", points: "0" });
    const freshRate = epochPoints(BigInt(migration.usd), fresh.epoch.current, world.rule);
    expect(freshRate).toBeGreaterThan(0n);
    expect(uniswapHolding(fresh)?.earningPerEpoch).toBe(freshRate.toString());
    expect(fresh.earningPerEpoch).toBe(freshRate.toString());
    let expectedPoints = 0n;
    for (let round = 0; round < 3; round++) {
      const snap = await world.crossEpoch();
      const credit = await world.expectedCredit(
        BigInt(migration.destinationId),
        world.addresses.uniswapV3.pools.WETH_USDC_3000,
        BigInt(migration.usd),
        BigInt(snap.blockNumber),
      );
      expectedPoints += closedEpochsPoints(credit, snap.firstEpoch, snap.epochs, world.rule);
      const alice = await report(ALICE);
      expect(uniswapHolding(alice)).toMatchObject({
        state: "earning",
        valued: true,
        heldUsd: credit.toString(),
        earningPerEpoch: epochPoints(credit, alice.epoch.current, world.rule).toString(),
      });
      expect(alice.points).toBe(expectedPoints.toString());
      // Rounding of the V3 mint aside, it holds what it migrated.
      expect(Number(credit)).toBeGreaterThan(Number(migration.usd) * 0.999);
    }
    const bob = await report(BOB);
    expect(bob.positions.map((held: PositionHolding) => held.state)).toEqual(["unpriced", "unpriced"]);
    expect(bob.points).toBe("0");
  });

  it("pays nothing for an epoch whose pool is off the oracle's price (value could be drained through it)", async () => {
    const before = await report(ALICE);
    // Sell WETH into alice's pool until it trades well under the oracle's 3,000 USD.
    await movePrice(world.node.rpcUrl, {
      venue: { v3: "WETH_USDC_3000" },
      sell: "WETH",
      amount: 200n * 10n ** 18n,
    });
    await world.crossEpoch();
    const after = await report(ALICE);
    expect(uniswapHolding(after)).toMatchObject({ state: "off-market", heldUsd: "0", pointsPerEpoch: "0" });
    expect(after.points).toBe(before.points);
  });

  it("credits Aave equity only: a later borrow leaves collateral − debt, and aTokens moved away earn nothing for anyone", async () => {
    const migrated = await world.migrateAave(ALICE, ["WETH"]);
    await world.crossEpoch();
    const held = lendingHolding(await report(ALICE));
    expect(held?.state).toBe("earning");
    expect(BigInt(held?.heldUsd ?? 0)).toBeGreaterThan(0n);
    expect(BigInt(held?.heldUsd ?? 0)).toBeLessThanOrEqual(BigInt(held?.migratedUsd ?? 0));

    // Pattern 4: borrow half the collateral's value on V3 afterwards; only the equity left is credited.
    const alice = world.wallet(ALICE);
    const pool = world.addresses.aaveV3.pool;
    const usdc = world.addresses.tokens.USDC;
    const borrowed = 15_000n * 10n ** 6n;
    await minedReceipt(
      alice,
      await alice.writeContract({
        address: pool,
        abi: aaveV3DebtAbi,
        functionName: "borrow",
        args: [usdc, borrowed, 2n, 0, alice.account.address],
      }),
    );
    const borrowSnap = await world.crossEpoch();
    const [collateralBase, debtBase] = await alice.readContract({
      address: pool,
      abi: aaveV3PoolAbi,
      functionName: "getUserAccountData",
      args: [alice.account.address],
      blockNumber: BigInt(borrowSnap.blockNumber),
    });
    const migratedUsd = BigInt(held?.migratedUsd ?? 0);
    const equity = boundedCredit(collateralBase - debtBase, migratedUsd);
    expect(lendingHolding(await report(ALICE))).toMatchObject({ state: "earning", heldUsd: equity.toString() });
    expect(Number(equity)).toBeLessThan(Number(migratedUsd) - 14_900 * Number(ONE_USD));
    expect(migrated.args.migration.debtAssets).toEqual([]);

    // Repay, so the aTokens are free to move.
    await minedReceipt(
      alice,
      await alice.writeContract({ address: usdc, abi: erc20Abi, functionName: "approve", args: [pool, maxUint256] }),
    );
    await minedReceipt(
      alice,
      await alice.writeContract({
        address: pool,
        abi: aaveV3DebtAbi,
        functionName: "repay",
        args: [usdc, maxUint256, 2n, alice.account.address],
      }),
    );

    // Pattern 2: move the V3 aTokens to a second address that never migrated, and withdraw there.
    const aWeth = await aTokenOf(world.addresses.tokens.WETH);
    const balance = await alice.readContract({
      address: aWeth,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [alice.account.address],
    });
    const moved = await alice.writeContract({
      address: aWeth,
      abi: erc20Abi,
      functionName: "transfer",
      args: [devAccount(CAROL).address, balance],
    });
    await minedReceipt(alice, moved);
    const before = await report(ALICE);
    const snap = await world.crossEpoch();
    const after = await report(ALICE);
    expect(lendingHolding(after)).toMatchObject({ state: "withdrawn", heldUsd: "0" });
    // Only the (off-market) V3 position is left: no points in this epoch.
    expect(after.points).toBe(before.points);
    expect((await report(CAROL)).points).toBe("0");
    expect(snap.epochs).toBe(1);
  });
});

const aaveV3DebtAbi = parseAbi([
  "function borrow(address asset, uint256 amount, uint256 interestRateMode, uint16 referralCode, address onBehalfOf)",
  "function repay(address asset, uint256 amount, uint256 interestRateMode, address onBehalfOf) returns (uint256)",
]);

async function aTokenOf(asset: `0x${string}`): Promise<`0x${string}`> {
  const reserve = await world.wallet(ALICE).readContract({
    address: world.addresses.aaveV3.pool,
    abi: aaveV3PoolAbi,
    functionName: "getReserveData",
    args: [asset],
  });
  return reserve.aTokenAddress;
}

describe("epoch snapshots across a restart and a reorg", () => {
  it(
    "pays the epoch that closed while the indexer was down exactly once",
    async () => {
      // Carol's migration into a pool at the market price earns in every epoch from here.
      await world.migrate(CAROL, 5_000, "WBTC_WETH");
      await world.crossEpoch();
      const before = await report(CAROL);
      await world.indexer.stop();
      await world.crossEpochUnindexed();
      await world.startIndexer();
      const [snap] = await world.api<EpochSnapshot[]>("/api/epochs?limit=1");
      const after = await report(CAROL);
      const heldNow = after.positions.reduce((sum, held) => sum + BigInt(held.heldUsd), 0n);
      expect(snap?.epochs).toBe(1);
      expect(heldNow).toBeGreaterThan(0n);
      expect(BigInt(after.points) - BigInt(before.points)).toBe(
        closedEpochsPoints(heldNow, snap?.firstEpoch ?? -1, 1, world.rule),
      );
    },
    RESTART_TIMEOUT_MS,
  );

  it("rolls a snapshot back with its blocks, and pays the replacing chain's boundary once", async () => {
    const before = await report(CAROL);
    const epochsBefore = await world.api<EpochSnapshot[]>("/api/epochs?limit=100");
    const saved = await snapshot(world.node.rpcUrl);
    await world.crossEpoch();
    const paid = await report(CAROL);
    expect(BigInt(paid.points)).toBeGreaterThan(BigInt(before.points));

    // Drop the boundary block and build a longer chain that stays in the earlier epoch.
    await revert(world.node.rpcUrl, saved);
    await rpc(world.node.rpcUrl, "anvil_mine", ["0x3"]);
    const rolledBack = await world.waitFor<EpochSnapshot[]>(
      "/api/epochs?limit=100",
      (rows) => rows.length === epochsBefore.length,
    );
    expect(rolledBack).toEqual(epochsBefore);
    expect((await report(CAROL)).points).toBe(before.points);

    await world.crossEpoch();
    expect((await report(CAROL)).points).toBe(paid.points);
  });
});

describe("the API scaled out", () => {
  it(
    "serves the same answers from a separate `ponder serve` process on the same Postgres schema",
    async () => {
      const served = await world.serveApi();
      try {
        for (const path of ["/api/summary", `/api/users/${address(ALICE)}`, "/api/epochs", "/api/leaderboard"]) {
          const [fromServe, fromStart] = await Promise.all([
            fetch(`${served.url}${path}`).then((response) => response.json()),
            world.api(path),
          ]);
          expect(fromServe, path).toEqual(fromStart);
        }
      } finally {
        await served.stop();
      }
    },
    RESTART_TIMEOUT_MS,
  );
});
