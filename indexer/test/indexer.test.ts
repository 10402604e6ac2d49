import { sliceHex } from "viem";
import { describe, expect, it } from "vitest";
import { minedReceipt, rpc } from "../../devnet/anvil";
import { devAccount, TOKENS } from "../../devnet/deploy/config";
import { advanceTime } from "../../devnet/market";
import { decreaseLiquidity, depositedUsd, withdrawAaveV3 } from "../../devnet/migrations";
import { revert, snapshot } from "../../devnet/world";
import { closedEpochsPoints, ONE_USD } from "../../lib/campaign/points";
import type { Summary, UserReport, UserStats } from "../../lib/campaign/stats";
import { aaveV3OracleAbi, nonfungiblePositionManagerAbi } from "../../lib/generated/abis";
import { indexedWorldForFile, RESTART_TIMEOUT_MS } from "./indexedWorld";

const DAY = 86_400;
const ALICE = 1;
const BOB = 2;
/** Stands for the operator: on the exclusion list. */
const CAROL = 3;

const world = indexedWorldForFile({
  epochSeconds: 3_600,
  maxPoolDeviationBps: 200,
  outOfRangeEarns: false,
  pointsPerUsdPerDay: 1,
  boostDays: 1,
  boostMultiplierBps: 30_000,
  targetUsd: 1_000_000,
  excluded: [devAccount(CAROL).address],
});

const summary = () => world.api<Summary>("/api/summary");
const userStats = (index: number) => world.api<UserReport>(`/api/users/${world.wallet(index).account.address}`);
const waitForMigrations = (count: number) => world.waitFor<Summary>("/api/summary", (s) => s.migrations === count);

describe("indexer on the world", () => {
  it("records a migration with its amounts and its USD value at the block's oracle prices", async () => {
    const event = await world.migrate(ALICE, 5_000);
    await waitForMigrations(1);
    const { migration: moved } = event.args;
    const valued = await depositedUsd(world.wallet(ALICE), world.addresses.aaveV3.oracle, event.blockNumber, moved);
    const expectedUsd = valued.usd;

    const [row] = await world.api<Record<string, string | number>[]>(`/api/migrations?user=${event.args.user}`);
    expect(row).toMatchObject({
      txHash: event.transactionHash,
      logIndex: event.logIndex,
      user: event.args.user.toLowerCase(),
      route: "UniswapV2ToV3",
      source: event.args.source.toLowerCase(),
      destination: sliceHex(moved.destination, 12),
      destinationId: moved.tokenId.toString(),
      liquidity: moved.liquidity.toString(),
      amount0: moved.amount0Deposited.toString(),
      amount1: moved.amount1Deposited.toString(),
      price0Usd: valued.price0.toString(),
      price1Usd: valued.price1.toString(),
      usd: expectedUsd.toString(),
    });
    // Independently of the oracle: the world prices WETH at 3,000 USD and USDC at 1 USD.
    const weth = Number(moved.amount0Deposited) / 1e18;
    const usdc = Number(moved.amount1Deposited) / 1e6;
    expect(Number(expectedUsd) / Number(ONE_USD)).toBeCloseTo(weth * TOKENS.WETH.usd + usdc * TOKENS.USDC.usd, 0);

    const totals = await summary();
    expect(totals).toMatchObject({
      migrations: 1,
      migrators: 1,
      migratedUsd: expectedUsd.toString(),
      tvlUsd: expectedUsd.toString(),
    });
  });

  it("pays points only on what is held at an epoch's end: a wash migration earns no more than holding", async () => {
    const before = await userStats(ALICE);
    const [first] = await world.api<{ destinationId: string; usd: string }[]>(
      `/api/migrations?user=${world.wallet(ALICE).account.address}`,
    );
    if (!first) throw new Error("the first test's migration is missing");

    // Pull everything out of the new position, then migrate the rest of the V2 LP right away.
    const wallet = world.wallet(ALICE);
    const position = await wallet.readContract({
      address: world.addresses.uniswapV3.positionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: "positions",
      args: [BigInt(first.destinationId)],
    });
    await decreaseLiquidity(
      wallet,
      world.addresses.uniswapV3.positionManager,
      BigInt(first.destinationId),
      position[7],
    );
    await world.migrate(ALICE, 10_000);
    await waitForMigrations(2);
    const snap = await world.crossEpoch();

    const stats = await userStats(ALICE);
    const [latest] = await world.api<{ usd: string }[]>(`/api/migrations?user=${wallet.account.address}`);
    const firstUsd = BigInt(first.usd);
    const secondUsd = BigInt(latest?.usd ?? "0");
    expect(stats.positions.map((held) => held.state)).toEqual(["withdrawn", "earning"]);
    const secondHeld = BigInt(stats.positions[1]?.heldUsd ?? 0);
    expect(secondHeld).toBeLessThanOrEqual(secondUsd);
    expect(Number(secondHeld)).toBeGreaterThan(Number(secondUsd) * 0.999);
    const naive = closedEpochsPoints(firstUsd + secondUsd, snap.firstEpoch, snap.epochs, world.rule);

    expect(BigInt(before.points)).toBe(0n);
    expect(stats.points).toBe(closedEpochsPoints(secondHeld, snap.firstEpoch, snap.epochs, world.rule).toString());
    expect(BigInt(stats.points)).toBeLessThan(naive);
    expect(stats).toMatchObject({
      migrations: 2,
      retainedUsd: secondUsd.toString(),
      heldUsd: secondHeld.toString(),
      migratedUsd: (firstUsd + secondUsd).toString(),
    });
    expect((await summary()).tvlUsd).toBe(secondUsd.toString());
  });

  it(
    "resumes after a restart without counting anything twice",
    async () => {
      const before = await summary();
      await world.indexer.stop();
      await world.startIndexer();
      const after = await summary();
      expect(after).toMatchObject({
        migrations: before.migrations,
        migratedUsd: before.migratedUsd,
        tvlUsd: before.tvlUsd,
      });

      await world.migrate(BOB, 2_000);
      const next = await waitForMigrations(before.migrations + 1);
      expect(next.migrators).toBe(before.migrators + 1);
    },
    RESTART_TIMEOUT_MS,
  );

  it("stops counting a position that changes hands", async () => {
    const bob = world.wallet(BOB);
    const [row] = await world.api<{ destinationId: string; usd: string }[]>(
      `/api/migrations?user=${bob.account.address}`,
    );
    if (!row) throw new Error("the restart test's migration is missing");
    const before = await summary();
    const hash = await bob.writeContract({
      address: world.addresses.uniswapV3.positionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: "transferFrom",
      args: [bob.account.address, world.wallet(3).account.address, BigInt(row.destinationId)],
    });
    await minedReceipt(bob, hash);

    const after = await world.waitFor<Summary>("/api/summary", (s) => s.tvlUsd !== before.tvlUsd);
    expect(BigInt(after.tvlUsd)).toBe(BigInt(before.tvlUsd) - BigInt(row.usd));
    expect((await userStats(BOB)).retainedUsd).toBe("0");
  });

  it("keeps excluded addresses off the leaderboards and gives them no points, while their TVL counts", async () => {
    const before = await summary();
    await world.migrate(CAROL, 5_000, "WBTC_WETH");
    await waitForMigrations(before.migrations + 1);
    await advanceTime(world.node.rpcUrl, DAY);

    const carol = await world.waitFor<UserReport>(
      `/api/users/${devAccount(CAROL).address}`,
      (s) => s.asOf > before.asOf,
    );
    expect(carol.points).toBe("0");
    expect(BigInt(carol.retainedUsd)).toBeGreaterThan(0n);
    const after = await summary();
    expect(BigInt(after.tvlUsd)).toBe(BigInt(before.tvlUsd) + BigInt(carol.retainedUsd));
    expect(after.byPool.map((pool) => pool.pool)).toContain(
      world.addresses.uniswapV3.pools.WBTC_WETH_3000.toLowerCase(),
    );

    for (const by of ["points", "usd"] as const) {
      const board = await world.api<{ entries: UserStats[] }>(`/api/leaderboard?by=${by}`);
      const users = board.entries.map((entry) => entry.user);
      expect(users).not.toContain(devAccount(CAROL).address.toLowerCase());
      const keys = board.entries.map((entry) => BigInt(by === "points" ? entry.points : entry.heldUsd));
      expect(keys, `leaderboard by ${by} is sorted`).toEqual([...keys].sort((a, b) => (b > a ? 1 : b < a ? -1 : 0)));
      expect(users, `leaderboard by ${by} lists alice`).toContain(world.wallet(ALICE).account.address.toLowerCase());
    }
  });

  it("rolls totals back when the chain reorganises", async () => {
    const before = await summary();
    const saved = await snapshot(world.node.rpcUrl);
    const blockNumber = () => rpc<string>(world.node.rpcUrl, "eth_blockNumber", []).then(Number);
    const head = await blockNumber();
    await world.migrate(BOB, 2_000);
    await waitForMigrations(before.migrations + 1);
    const reorgedHead = await blockNumber();

    // Drop the migration's blocks and build a longer chain without it.
    await revert(world.node.rpcUrl, saved);
    await rpc(world.node.rpcUrl, "anvil_mine", [`0x${(reorgedHead - head + 3).toString(16)}`]);

    const rolledBack = await waitForMigrations(before.migrations);
    expect(rolledBack).toMatchObject({
      migrators: before.migrators,
      migratedUsd: before.migratedUsd,
      tvlUsd: before.tvlUsd,
    });
  });

  it("records an Aave V2 → V3 migration valued at the block's oracle price, and counts it in every aggregate", async () => {
    const before = await summary();
    const aliceBefore = await userStats(ALICE);
    const event = await world.migrateAave(ALICE, ["WETH"]);
    await waitForMigrations(before.migrations + 1);
    const { migration: moved } = event.args;
    const weth = world.addresses.tokens.WETH;
    expect(moved.collateralAssets).toEqual([weth]);
    expect(moved.debtAssets).toEqual([]);
    expect(moved.destination).toBe(world.addresses.aaveV3.pool);
    const price = await world.wallet(ALICE).readContract({
      address: world.addresses.aaveV3.oracle,
      abi: aaveV3OracleAbi,
      functionName: "getAssetPrice",
      args: [weth],
      blockNumber: event.blockNumber,
    });
    const amount = moved.collateralAmounts[0] ?? 0n;
    const expectedUsd = (amount * price) / 10n ** 18n;
    // Alice had 10 WETH supplied on V2 (a little more with interest), priced at 3,000 USD by the world.
    expect(Number(amount) / 1e18).toBeCloseTo(10, 2);
    expect(Number(expectedUsd) / Number(ONE_USD)).toBeCloseTo(10 * TOKENS.WETH.usd, -1);

    const [row] = await world.api<Record<string, unknown>[]>(`/api/lending-migrations?user=${event.args.user}`);
    expect(row).toMatchObject({
      txHash: event.transactionHash,
      logIndex: event.logIndex,
      user: event.args.user.toLowerCase(),
      route: "AaveV2ToV3",
      source: event.args.source.toLowerCase(),
      destination: moved.destination.toLowerCase(),
      collateralAssets: [weth.toLowerCase()],
      collateralAmounts: [amount.toString()],
      collateralPricesUsd: [price.toString()],
      debtAssets: [],
      debtAmounts: [],
      debtPricesUsd: [],
      collateralUsd: expectedUsd.toString(),
      debtUsd: "0",
      usd: expectedUsd.toString(),
    });

    const after = await summary();
    expect(BigInt(after.migratedUsd)).toBe(BigInt(before.migratedUsd) + expectedUsd);
    expect(BigInt(after.tvlUsd)).toBe(BigInt(before.tvlUsd) + expectedUsd);
    expect(after.byRoute.find((route) => route.route === "AaveV2ToV3")).toMatchObject({
      migrations: 1,
      migratedUsd: expectedUsd.toString(),
      tvlUsd: expectedUsd.toString(),
    });
    const alice = await userStats(ALICE);
    expect(alice.migrations).toBe(aliceBefore.migrations + 1);
    expect(BigInt(alice.retainedUsd)).toBe(BigInt(aliceBefore.retainedUsd) + expectedUsd);
  });

  it("stops the points of a lending migration once its asset is withdrawn from Aave V3", async () => {
    const wallet = world.wallet(ALICE);
    const [row] = await world.api<{ usd: string }[]>(`/api/lending-migrations?user=${wallet.account.address}`);
    if (!row) throw new Error("the lending migration test's row is missing");
    const lendingUsd = BigInt(row.usd);
    const before = await summary();
    const aliceBefore = await userStats(ALICE);

    await withdrawAaveV3(wallet, world.addresses.aaveV3.pool, world.addresses.tokens.WETH);
    const after = await world.waitFor<Summary>("/api/summary", (s) => s.tvlUsd !== before.tvlUsd);
    expect(BigInt(after.tvlUsd)).toBe(BigInt(before.tvlUsd) - lendingUsd);
    expect(after.byRoute.find((route) => route.route === "AaveV2ToV3")?.tvlUsd).toBe("0");
    const withdrawn = await userStats(ALICE);
    const retained = BigInt(withdrawn.retainedUsd);
    expect(retained).toBe(BigInt(aliceBefore.retainedUsd) - lendingUsd);

    const lendingBefore = withdrawn.positions.find((held) => held.kind === "aave-v3");
    await world.crossEpoch();
    const later = await userStats(ALICE);
    expect(later.positions.find((held) => held.kind === "aave-v3")).toMatchObject({
      state: "withdrawn",
      heldUsd: "0",
      pointsPerEpoch: "0",
      points: lendingBefore?.points,
    });
    // Everything alice earned this epoch came from her V3 positions.
    const pointsOf = (report: UserReport) => report.positions.reduce((sum, held) => sum + BigInt(held.points), 0n);
    expect(BigInt(later.points) - BigInt(withdrawn.points)).toBe(pointsOf(later) - pointsOf(withdrawn));
  });
});
