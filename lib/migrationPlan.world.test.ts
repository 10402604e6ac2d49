import { createPublicClient, http, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployFerry, scratchDeploymentFile } from "../devnet/deployFerry";
import { type RunningChain, startWorld } from "../devnet/world";
import { addressesFor } from "./addresses";
import { approvalCall } from "./authorizations";
import { toViemChain } from "./chainConfig";
import { uniswapV2ToV3Position } from "./migration";
import { planV2ToV3, type V2ToV3Settings } from "./migrationPlan";
import { MigrationRevert, simulateMigration } from "./simulateMigration";
import { fullRangeTicks } from "./uniswapV3";
import { readUsdPrices } from "./usdPrices";
import { readV2Positions, type V2Position } from "./v2Positions";
import { readV3Pool, v3PoolAddress } from "./v3Pool";

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

async function wethUsdc(): Promise<V2Position> {
  const positions = await readV2Positions(client, addresses, alice);
  const position = positions.find((p) => p.pair === addresses.uniswapV2.pairs.WETH_USDC);
  if (!position) throw new Error("alice holds no WETH/USDC LP in the world");
  return position;
}

async function simulate(position: V2Position, settings: V2ToV3Settings) {
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
    owner: alice,
    authorizations: [approvalCall(position.pair, migrator, plan.lpAmount)],
    positions: [uniswapV2ToV3Position(plan.params)],
    deadline: timestamp + 600n,
    unwrapWeth: false,
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
    });
    await expect(attempt).rejects.toBeInstanceOf(MigrationRevert);
    await expect(attempt).rejects.toMatchObject({ errorName: "WithdrawalSlippage" });
  });
});

describe("readUsdPrices on the world", () => {
  it("reads the Aave V3 oracle's USD prices, consistent with the pools", async () => {
    const prices = await readUsdPrices(client, addresses.aaveV3.oracle, [addresses.tokens.WETH, addresses.tokens.USDC]);
    expect(prices.get(addresses.tokens.WETH.toLowerCase())).toBe(3_000n * 10n ** 8n);
    expect(prices.get(addresses.tokens.USDC.toLowerCase())).toBe(10n ** 8n);
  });
});
