import { type Address, createPublicClient, http, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployFerry, scratchDeploymentFile } from "../../devnet/deployFerry";
import { type RunningChain, startWorld } from "../../devnet/world";
import { readUsdPrices } from "../aave/v3/usdPrices";
import { addressesFor } from "../chain/addresses";
import { toViemChain } from "../chain/config";
import { MigrationRevert, simulateMigration } from "../migrator/simulate";
import { uniswapV2ToV3Position } from "../routes/uniswapV2ToV3/params";
import { approvalCall } from "../signing/authorizations";
import { readV2Positions, type V2Position } from "./v2/positions";
import { planV2ToV3, type V2ToV3Settings } from "./v2ToV3Plan";
import { readV3Pool, v3PoolAddress } from "./v3/pool";
import { fullRangeTicks } from "./v3/poolMath";
import { matchingPositions, readV3Positions } from "./v3/positions";

// The TypeScript plan against the real Migrator and Uniswap bytecode: what the app previews is what the chain does.
let world: RunningChain;
let client: PublicClient;
let migrator: `0x${string}`;
const addresses = addressesFor(31337);
const alice = addresses.accounts.alice;

beforeAll(async () => {
  world = await startWorld();
  migrator = (await deployFerry(world.rpcUrl, world.chainId, { recordTo: scratchDeploymentFile() })).migrator;
  const chain = toViemChain({ chainId: world.chainId, chainName: "world", rpcUrl: world.rpcUrl });
  client = createPublicClient({ chain, transport: http(), batch: { multicall: { deployless: true } } });
}, 120_000);

afterAll(() => world?.stop());

async function wethUsdc(owner: Address = alice): Promise<V2Position> {
  const positions = await readV2Positions(client, addresses, owner);
  const position = positions.find((p) => p.pair === addresses.uniswapV2.pairs.WETH_USDC);
  if (!position) throw new Error("alice holds no WETH/USDC LP in the world");
  return position;
}

async function simulate(position: V2Position, settings: V2ToV3Settings, owner: Address = alice) {
  const pool = await readV3Pool(
    client,
    addresses.uniswapV3,
    position.token0.address,
    position.token1.address,
    settings.fee,
  );
  const plan = planV2ToV3(position, pool, settings, world.chainId);
  const { timestamp } = await client.getBlock();
  const result = await simulateMigration(client, {
    migrator,
    owner,
    authorizations: [approvalCall(position.pair, migrator, plan.lpAmount)],
    positions: [uniswapV2ToV3Position(plan.params)],
    deadline: timestamp + 600n,
    unwrapWeth: false,
    unreachedSignatures: 0,
  });
  return { plan, pool, ...result };
}

describe("planV2ToV3 on the world", () => {
  it("computes pool addresses as the factory does", async () => {
    for (const [name, address] of Object.entries(addresses.uniswapV3.pools)) {
      const [a, b, fee] = name.split("_") as [keyof typeof addresses.tokens, keyof typeof addresses.tokens, string];
      const [token0, token1] = [addresses.tokens[a], addresses.tokens[b]].sort((x, y) =>
        x.toLowerCase() < y.toLowerCase() ? -1 : 1,
      );
      expect(
        v3PoolAddress(addresses.uniswapV3, token0 as `0x${string}`, token1 as `0x${string}`, Number(fee) as 3000),
      ).toBe(address);
    }
  });

  it("predicts the withdrawal exactly and the deposit within a few wei, full range into an existing pool", async () => {
    const position = await wethUsdc();
    const { plan, migrations, gasUsed } = await simulate(position, {
      percentageBps: 10_000,
      fee: 3000,
      ...fullRangeTicks(3000),
      slippageBps: 50,
    });
    expect(plan.poolExists, "WETH/USDC 0.3% exists in the world").toBe(true);
    expect(migrations).toHaveLength(1);
    const [{ migration, user, source }] = migrations as [(typeof migrations)[number]];
    expect(user).toBe(alice);
    expect(source).toBe(position.pair);
    expect(migration.sourceAmount).toBe(position.lpBalance);
    expect(migration.amount0Withdrawn).toBe(plan.withdrawn.amount0);
    expect(migration.amount1Withdrawn).toBe(plan.withdrawn.amount1);
    expect(migration.liquidity).toBe(plan.deposit.liquidity);
    expect(Number(migration.amount0Deposited - plan.deposit.amount0)).toBeLessThanOrEqual(2);
    expect(Number(plan.deposit.amount0 - migration.amount0Deposited)).toBeLessThanOrEqual(2);
    expect(Number(migration.amount1Deposited - plan.deposit.amount1)).toBeLessThanOrEqual(2);
    expect(Number(plan.deposit.amount1 - migration.amount1Deposited)).toBeLessThanOrEqual(2);
    expect(migration.amount0Deposited).toBeGreaterThanOrEqual(plan.params.amount0MinDeposited);
    expect(migration.amount1Deposited).toBeGreaterThanOrEqual(plan.params.amount1MinDeposited);
    expect(gasUsed).toBeGreaterThan(100_000n);
  });

  it("creates a missing pool at the V2 price and deposits a partial migration", async () => {
    const position = await wethUsdc();
    const { plan, pool, migrations } = await simulate(position, {
      percentageBps: 2_500,
      fee: 10_000,
      ...fullRangeTicks(10_000),
      slippageBps: 100,
    });
    expect(pool.sqrtPriceX96, "the 1% WETH/USDC pool is left uninitialised in the world").toBe(0n);
    const [{ migration }] = migrations as [(typeof migrations)[number]];
    expect(migration.sourceAmount).toBe(position.lpBalance / 4n);
    expect(migration.liquidity).toBe(plan.deposit.liquidity);
  });

  it("decodes the Migrator's custom error when a minimum cannot be met", async () => {
    const position = await wethUsdc();
    const pool = await readV3Pool(client, addresses.uniswapV3, position.token0.address, position.token1.address, 3000);
    const plan = planV2ToV3(
      position,
      pool,
      { percentageBps: 10_000, fee: 3000, ...fullRangeTicks(3000), slippageBps: 50 },
      world.chainId,
    );
    const greedy = { ...plan.params, amount0MinWithdrawn: plan.withdrawn.amount0 + 1n };
    const { timestamp } = await client.getBlock();
    const attempt = simulateMigration(client, {
      migrator,
      owner: alice,
      authorizations: [approvalCall(position.pair, migrator, plan.lpAmount)],
      positions: [uniswapV2ToV3Position(greedy)],
      deadline: timestamp + 600n,
      unwrapWeth: false,
      unreachedSignatures: 0,
    });
    await expect(attempt).rejects.toBeInstanceOf(MigrationRevert);
    await expect(attempt).rejects.toMatchObject({ errorName: "WithdrawalSlippage" });
  });
});

describe("adding to a held V3 position on the world", () => {
  async function heldIn(owner: Address, position: V2Position, fee: 500 | 3000) {
    const held = await readV3Positions(client, addresses.uniswapV3.positionManager, owner);
    const [match, ...others] = matchingPositions(held, position.token0.address, position.token1.address, fee);
    expect(others, `one ${fee} WETH/USDC position seeded`).toEqual([]);
    if (!match) throw new Error(`no ${fee} WETH/USDC position held`);
    return { held, match };
  }

  it("reads alice's positions and adds her V2 liquidity to her 0.05% position instead of minting", async () => {
    const position = await wethUsdc();
    const { held, match } = await heldIn(alice, position, 500);
    expect(held, "alice holds one V3 position").toHaveLength(1);
    expect(match.liquidity).toBeGreaterThan(0n);
    const { plan, migrations } = await simulate(position, {
      percentageBps: 10_000,
      fee: 500,
      tickLower: match.tickLower,
      tickUpper: match.tickUpper,
      slippageBps: 50,
      tokenId: match.tokenId,
    });
    expect(plan.params.tokenId).toBe(match.tokenId);
    const [{ migration }] = migrations as [(typeof migrations)[number]];
    expect(migration.tokenId, "the held position receives the liquidity").toBe(match.tokenId);
    expect(migration.liquidity).toBe(plan.deposit.liquidity);
    expect(migration.amount0Deposited).toBeGreaterThan(0n);
    expect(migration.amount1Deposited).toBeGreaterThan(0n);
  });

  it("adds only one token to bob's out-of-range 0.3% position and refunds the other", async () => {
    const bob = addresses.accounts.bob;
    const position = await wethUsdc(bob);
    const { match } = await heldIn(bob, position, 3000);
    const { plan, migrations } = await simulate(
      position,
      {
        percentageBps: 10_000,
        fee: 3000,
        tickLower: match.tickLower,
        tickUpper: match.tickUpper,
        slippageBps: 50,
        tokenId: match.tokenId,
      },
      bob,
    );
    const [{ migration }] = migrations as [(typeof migrations)[number]];
    expect(migration.tokenId).toBe(match.tokenId);
    // Above the price the range holds token0 only: all token1 comes back.
    expect([plan.deposit.amount0 > 0n, plan.deposit.amount1]).toEqual([true, 0n]);
    expect(migration.amount1Deposited).toBe(0n);
    expect(migration.amount1Refunded).toBe(migration.amount1Withdrawn);
  });

  it("rejects a position of another pool with the Migrator's PositionMismatch", async () => {
    const position = await wethUsdc();
    const { match } = await heldIn(alice, position, 500);
    const attempt = simulate(position, {
      percentageBps: 10_000,
      fee: 3000,
      ...fullRangeTicks(3000),
      slippageBps: 50,
      tokenId: match.tokenId,
    });
    await expect(attempt).rejects.toMatchObject({ errorName: "PositionMismatch" });
  });
});

describe("readUsdPrices on the world", () => {
  it("reads the Aave V3 oracle's USD prices, consistent with the pools", async () => {
    const prices = await readUsdPrices(client, addresses.aaveV3.oracle, [addresses.tokens.WETH, addresses.tokens.USDC]);
    expect(prices.get(addresses.tokens.WETH.toLowerCase())).toBe(3_000n * 10n ** 8n);
    expect(prices.get(addresses.tokens.USDC.toLowerCase())).toBe(10n ** 8n);
  });
});
