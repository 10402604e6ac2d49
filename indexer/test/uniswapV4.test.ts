import { type Address, erc721Abi, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { minedReceipt } from "../../devnet/anvil";
import { devAccount } from "../../devnet/deploy/config";
import { afterDecrease, boundedCredit, closedEpochsPoints, usdValue } from "../../lib/campaign/points";
import { destinationPoolName } from "../../lib/campaign/poolName";
import type { Summary, UserReport } from "../../lib/campaign/stats";
import { aaveV3OracleAbi, uniswapV4PositionManagerAbi, uniswapV4StateViewAbi } from "../../lib/generated/abis";
import { positionAmounts } from "../../lib/uniswap/v3/positionAmounts";
import type { PoolKey } from "../../lib/uniswap/v4/poolKey";
import { HOURLY_RULE, indexedWorldForFile } from "./indexedWorld";
import { decreaseV4Liquidity, fullRange, migrateV2ToV4, migrateV3ToV4, sellEthIntoV4Pool } from "./v4Migrations";

const ALICE = 1;
const BOB = 2;
const CAROL = 3;

const world = indexedWorldForFile(HOURLY_RULE);

const address = (index: number) => world.wallet(index).account.address;
const report = (index: number) => world.api<UserReport>(`/api/users/${address(index)}`);
const v4Holding = (user: UserReport) => user.positions.find((held) => held.kind === "uniswap-v4");

/** A world pool's key and id. */
function worldPool(name: "ETH_USDC_500" | "WETH_USDC_3000"): { id: Hex; key: PoolKey } {
  const { id, ...key } = world.addresses.uniswapV4.pools[name];
  return { id, key };
}

/** A pool key as the indexer serves it: Ponder stores addresses in lower case. */
const storedKey = (key: PoolKey) => ({
  ...key,
  currency0: key.currency0.toLowerCase(),
  currency1: key.currency1.toLowerCase(),
  hooks: key.hooks.toLowerCase(),
});

/** What each test migrated: the V4 position, its pool and the USD the indexer credited the migration with. */
interface Migrated {
  tokenId: bigint;
  pool: { id: Hex; key: PoolKey };
  usd: bigint;
}
const migrated: Partial<Record<"alice" | "bob", Migrated>> = {};
const migratedOf = (who: "alice" | "bob") => {
  const position = migrated[who];
  if (!position) throw new Error(`the first test's ${who} migration is missing`);
  return position;
};

/** A WETH/USDC or ETH/USDC amount pair valued at the oracle's prices in `blockNumber` (native ETH as WETH). */
async function oracleUsd(amount0: bigint, amount1: bigint, blockNumber: bigint): Promise<bigint> {
  const { WETH, USDC } = world.addresses.tokens;
  const price = (token: Address) =>
    world.wallet(ALICE).readContract({
      address: world.addresses.aaveV3.oracle,
      abi: aaveV3OracleAbi,
      functionName: "getAssetPrice",
      args: [token],
      blockNumber,
    });
  return usdValue(amount0, 18, await price(WETH)) + usdValue(amount1, 6, await price(USDC));
}

/**
 * A full-range V4 position valued independently of the indexer, from chain state at `blockNumber`: its liquidity at
 * the pool's price (StateView), at the oracle's prices, capped at what was migrated into it.
 */
async function expectedCredit(position: Migrated, blockNumber: bigint): Promise<bigint> {
  const client = world.wallet(ALICE);
  const { uniswapV4 } = world.addresses;
  const [[sqrtPriceX96, tick], liquidity] = await Promise.all([
    client.readContract({
      address: uniswapV4.stateView,
      abi: uniswapV4StateViewAbi,
      functionName: "getSlot0",
      args: [position.pool.id],
      blockNumber,
    }),
    client.readContract({
      address: uniswapV4.positionManager,
      abi: uniswapV4PositionManagerAbi,
      functionName: "getPositionLiquidity",
      args: [position.tokenId],
      blockNumber,
    }),
  ]);
  const { tickLower, tickUpper } = fullRange(position.pool.key.tickSpacing);
  const amounts = positionAmounts(sqrtPriceX96, tick, tickLower, tickUpper, liquidity);
  return boundedCredit(await oracleUsd(amounts.amount0, amounts.amount1, blockNumber), position.usd);
}

describe("Uniswap V4 positions on the world", () => {
  it("indexes a V3 → V4 migration into the native-ETH pool and a V2 → V4 one: valued, named, keyed on the PoolId", async () => {
    const { ferry, addresses } = world;
    const ethPool = worldPool("ETH_USDC_500");
    const wethPool = worldPool("WETH_USDC_3000");
    const [aliceHash, bobHash] = await Promise.all([
      migrateV3ToV4(world.wallet(ALICE), {
        migrator: ferry.migrator,
        v3PositionManager: addresses.uniswapV3.positionManager,
        tokenId: BigInt(addresses.uniswapV3.positions.alice_WETH_USDC_500),
        percentageBps: 10_000,
        poolKey: ethPool.key,
      }),
      migrateV2ToV4(world.wallet(BOB), {
        migrator: ferry.migrator,
        pair: addresses.uniswapV2.pairs.WETH_USDC,
        percentageBps: 5_000,
        poolKey: wethPool.key,
      }),
    ]);
    const [alice, bob] = await Promise.all([world.migratedEvent(aliceHash), world.migratedEvent(bobHash)]);
    await world.waitFor<Summary>("/api/summary", (summary) => summary.migrations === 2);

    for (const [index, event, pool, route] of [
      [ALICE, alice, ethPool, "UniswapV3ToV4"],
      [BOB, bob, wethPool, "UniswapV2ToV4"],
    ] as const) {
      const moved = event.args.migration;
      const usd = await oracleUsd(moved.amount0Deposited, moved.amount1Deposited, event.blockNumber);
      expect(usd).toBeGreaterThan(0n);
      const [row] = await world.api<Record<string, unknown>[]>(`/api/migrations?user=${address(index)}`);
      expect(row).toMatchObject({
        route,
        destination: pool.id,
        destinationId: moved.tokenId.toString(),
        token0: pool.key.currency0.toLowerCase(),
        token1: pool.key.currency1.toLowerCase(),
        usd: usd.toString(),
        unpriced: null,
      });
      const [held] = (await report(index)).positions;
      expect(held).toMatchObject({
        kind: "uniswap-v4",
        id: moved.tokenId.toString(),
        pool: pool.id,
        poolKey: storedKey(pool.key),
      });
      migrated[index === ALICE ? "alice" : "bob"] = { tokenId: moved.tokenId, pool, usd };
    }
    expect(alice.args.migration.positionManager).toBe(addresses.uniswapV4.positionManager);

    const summary = await world.api<Summary>("/api/summary");
    const names = summary.byPool.map((pool) => destinationPoolName(summary.chainId, pool.pool, pool.poolKey));
    expect(names.sort()).toEqual(["ETH / USDC 0.05% · V4", "WETH / USDC 0.3% · V4"]);
    expect(summary.byRoute.map((route) => route.route).sort()).toEqual(["UniswapV2ToV4", "UniswapV3ToV4"]);
  });

  it("pays each V4 position exactly its held value per epoch across epochs, the native-ETH pool's ETH valued as WETH", async () => {
    const expectedPoints = { alice: 0n, bob: 0n };
    for (let round = 0; round < 2; round++) {
      const snap = await world.crossEpoch();
      for (const [who, index] of [
        ["alice", ALICE],
        ["bob", BOB],
      ] as const) {
        const credit = await expectedCredit(migratedOf(who), BigInt(snap.blockNumber));
        expectedPoints[who] += closedEpochsPoints(credit, snap.firstEpoch, snap.epochs, world.rule);
        const user = await report(index);
        expect(v4Holding(user)).toMatchObject({ state: "earning", heldUsd: credit.toString() });
        expect(user.points).toBe(expectedPoints[who].toString());
        // Full range at the price it was deposited at: it holds what it migrated, to the mint's rounding.
        expect(Number(credit)).toBeGreaterThan(Number(migratedOf(who).usd) * 0.999);
      }
    }
  });

  it("lowers the credit when liquidity leaves a V4 position through the V4 PositionManager (ModifyLiquidity)", async () => {
    const position = migratedOf("alice");
    const alice = world.wallet(ALICE);
    const positionManager = world.addresses.uniswapV4.positionManager;
    const liquidity = await alice.readContract({
      address: positionManager,
      abi: uniswapV4PositionManagerAbi,
      functionName: "getPositionLiquidity",
      args: [position.tokenId],
    });
    const before = await report(ALICE);
    await decreaseV4Liquidity(alice, positionManager, {
      tokenId: position.tokenId,
      liquidity: liquidity / 2n,
      poolKey: position.pool.key,
    });
    // The event-kept statistic falls at once, pro rata to the liquidity that left.
    const retained = afterDecrease({ liquidity, usd: position.usd }, liquidity / 2n).usd;
    await world.waitFor<UserReport>(`/api/users/${address(ALICE)}`, (user) => user.retainedUsd === retained.toString());

    const snap = await world.crossEpoch();
    const credit = await expectedCredit(position, BigInt(snap.blockNumber));
    const after = await report(ALICE);
    expect(v4Holding(after)).toMatchObject({ state: "earning", heldUsd: credit.toString() });
    expect(Number(credit)).toBeLessThan(Number(BigInt(v4Holding(before)?.heldUsd ?? 0)) * 0.51);
    expect(Number(credit)).toBeGreaterThan(Number(position.usd) * 0.49);
    expect(BigInt(after.points) - BigInt(before.points)).toBe(
      closedEpochsPoints(credit, snap.firstEpoch, snap.epochs, world.rule),
    );
  });

  it("stops paying the migrator for a V4 position it transferred, and pays the new owner nothing", async () => {
    const position = migratedOf("bob");
    const bob = world.wallet(BOB);
    const carol = devAccount(CAROL).address;
    const before = await report(BOB);
    expect(v4Holding(before)?.state).toBe("earning");
    const transfer = await bob.writeContract({
      address: world.addresses.uniswapV4.positionManager,
      abi: erc721Abi,
      functionName: "transferFrom",
      args: [bob.account.address, carol, position.tokenId],
    });
    expect((await minedReceipt(bob, transfer)).status).toBe("success");
    await world.waitFor<UserReport>(`/api/users/${address(BOB)}`, (user) => user.retainedUsd === "0");

    await world.crossEpoch();
    const after = await report(BOB);
    expect(v4Holding(after)).toMatchObject({ state: "transferred", heldUsd: "0", pointsPerEpoch: "0" });
    expect(after.points).toBe(before.points);
    expect((await report(CAROL)).points).toBe("0");
  });

  it("pays nothing for an epoch whose V4 pool is off the oracle's price, read from StateView", async () => {
    const position = migratedOf("alice");
    const before = await report(ALICE);
    expect(v4Holding(before)?.state).toBe("earning");
    // Sell ETH into alice's native-ETH pool until it trades well under the oracle's WETH price.
    await sellEthIntoV4Pool(
      world.wallet(CAROL),
      world.addresses.uniswapV4.universalRouter,
      position.pool.key,
      200n * 10n ** 18n,
    );
    await world.crossEpoch();
    const after = await report(ALICE);
    expect(v4Holding(after)).toMatchObject({ state: "off-market", heldUsd: "0", pointsPerEpoch: "0" });
    expect(after.points).toBe(before.points);
  });
});
