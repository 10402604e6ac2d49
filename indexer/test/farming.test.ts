import { type Address, erc20Abi, maxUint256, parseAbi, parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { minedReceipt } from "../../devnet/anvil";
import { approvePair, v2ToV3Args, withdrawAaveV3 } from "../../devnet/migrations";
import { closedEpochsPoints, ONE_USD } from "../../lib/campaign/points";
import type { UserReport } from "../../lib/campaign/stats";
import { aaveV2DataProviderAbi, aaveV3PoolAbi, migratorAbi, uniswapV3PoolAbi } from "../../lib/generated/abis";
import { flashFarm } from "./flashFarmer";
import { HOURLY_RULE, indexedWorldForFile, lendingHolding, uniswapHolding } from "./indexedWorld";

/**
 * The farming patterns of issue 13 not covered by epochs.test.ts, each reproduced on the world with the real
 * contracts and shown to earn nothing beyond what holding the same value honestly earns.
 */
const ALICE = 1;
const BOB = 2;
const UNUSED_FEE = 10_000;

const world = indexedWorldForFile(HOURLY_RULE);

const reportOf = (user: Address) => world.api<UserReport>(`/api/users/${user}`);

const wethAbi = parseAbi(["function deposit() payable"]);
const v3FactoryAbi = parseAbi([
  "function createPool(address tokenA, address tokenB, uint24 fee) returns (address)",
  "function getPool(address tokenA, address tokenB, uint24 fee) view returns (address)",
]);
const initializeAbi = parseAbi(["function initialize(uint160 sqrtPriceX96)"]);
const swapRouterAbi = parseAbi([
  "struct ExactInputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 deadline; uint256 amountIn; uint256 amountOutMinimum; uint160 sqrtPriceLimitX96; }",
  "function exactInputSingle(ExactInputSingleParams params) payable returns (uint256)",
]);
const priceOracleAbi = parseAbi(["function setAssetPrice(address asset, uint256 price)"]);

describe("farming patterns on the world", () => {
  it("flash-loaned capital migrated, moved to another contract and withdrawn in one transaction earns nothing", async () => {
    const bob = world.wallet(BOB);
    const { WETH } = world.addresses.tokens;
    const [aTokenV2] = await bob.readContract({
      address: world.addresses.aaveV2.dataProvider,
      abi: aaveV2DataProviderAbi,
      functionName: "getReserveTokensAddresses",
      args: [WETH],
    });
    const { aTokenAddress: aTokenV3 } = await bob.readContract({
      address: world.addresses.aaveV3.pool,
      abi: aaveV3PoolAbi,
      functionName: "getReserveData",
      args: [WETH],
    });
    // The loan's premium is all the capital the farmer has.
    const premium = parseEther("1");
    await minedReceipt(
      bob,
      await bob.writeContract({ address: WETH, abi: wethAbi, functionName: "deposit", value: premium }),
    );
    const { farmer } = await flashFarm(
      bob,
      {
        poolV3: world.addresses.aaveV3.pool,
        poolV2: world.addresses.aaveV2.pool,
        asset: WETH,
        aTokenV2,
        aTokenV3,
        migrator: world.ferry.migrator,
      },
      { amount: parseEther("100"), premium },
    );

    // The migration happened and is valued at its full size, as a statistic.
    const farmed = await world.waitFor<UserReport>(`/api/users/${farmer}`, (user) => user.migrations === 1);
    expect(BigInt(farmed.migratedUsd)).toBeGreaterThan(250_000n * ONE_USD);
    expect(lendingHolding(farmed)?.migratedUsd).toBe(farmed.migratedUsd);

    const snap = await world.crossEpoch();
    const after = await reportOf(farmer);
    expect(lendingHolding(after)).toMatchObject({ state: "withdrawn", heldUsd: "0", pointsPerEpoch: "0" });
    expect(after.points).toBe("0");
    expect(after.heldUsd).toBe("0");
    expect(BigInt(snap.points)).toBe(0n);
  });

  it("an own pool at an unused fee tier, set far off the market and drained by swaps, earns nothing off-market and then only what is left in it", async () => {
    const bob = world.wallet(BOB);
    const { WETH, USDC } = world.addresses.tokens;
    const { factory, swapRouter, pools } = world.addresses.uniswapV3;
    // Priced at 10× the market's WETH (√10 ≈ 3.1623 on the square root of the seeded pool's price).
    const [marketSqrtPrice] = await bob.readContract({
      address: pools.WETH_USDC_3000,
      abi: uniswapV3PoolAbi,
      functionName: "slot0",
    });
    await minedReceipt(
      bob,
      await bob.writeContract({
        address: factory,
        abi: v3FactoryAbi,
        functionName: "createPool",
        args: [WETH, USDC, UNUSED_FEE],
      }),
    );
    const pool = await bob.readContract({
      address: factory,
      abi: v3FactoryAbi,
      functionName: "getPool",
      args: [WETH, USDC, UNUSED_FEE],
    });
    await minedReceipt(
      bob,
      await bob.writeContract({
        address: pool,
        abi: initializeAbi,
        functionName: "initialize",
        args: [(marketSqrtPrice * 31_623n) / 10_000n],
      }),
    );

    const pair = world.addresses.uniswapV2.pairs.WETH_USDC;
    await approvePair(bob, pair, world.ferry.migrator);
    // An explicit gas limit: the first mint after a pool's initialisation costs more once the block's timestamp has
    // moved past it, so an estimate taken in the initialising second fell short once (out of gas, reverted).
    const migration = await bob.writeContract({
      address: world.ferry.migrator,
      abi: migratorAbi,
      functionName: "migrate",
      args: v2ToV3Args(WETH, USDC, UNUSED_FEE, 10_000, maxUint256),
      gas: 3_000_000n,
    });
    expect((await minedReceipt(bob, migration)).status).toBe("success");
    const migrated = await world.migratedEvent(migration);
    const { tokenId } = migrated.args.migration;
    const [row] = await world.waitFor<{ destinationId: string; usd: string }[]>(
      `/api/migrations?user=${bob.account.address}`,
      (rows) => rows.length === 1,
    );
    const migratedUsd = BigInt(row?.usd ?? 0);
    expect(row?.destinationId).toBe(tokenId.toString());
    expect(migratedUsd).toBeGreaterThan(1_000n * ONE_USD);

    // Off the market, the position earns nothing: its value could be taken out through the pool at any time.
    await world.crossEpoch();
    const offMarket = await reportOf(bob.account.address);
    expect(uniswapHolding(offMarket)).toMatchObject({ state: "off-market", heldUsd: "0" });
    expect(offMarket.points).toBe("0");

    // Drain: sell the WETH the migration refunded into the own pool, down to the market price, taking USDC out of
    // the position without touching it (no DecreaseLiquidity, no Transfer).
    const weth = await bob.readContract({
      address: WETH,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [bob.account.address],
    });
    await minedReceipt(
      bob,
      await bob.writeContract({
        address: WETH,
        abi: erc20Abi,
        functionName: "approve",
        args: [swapRouter, maxUint256],
      }),
    );
    await minedReceipt(
      bob,
      await bob.writeContract({
        address: swapRouter,
        abi: swapRouterAbi,
        functionName: "exactInputSingle",
        args: [
          {
            tokenIn: WETH,
            tokenOut: USDC,
            fee: UNUSED_FEE,
            recipient: bob.account.address,
            deadline: maxUint256,
            amountIn: weth,
            amountOutMinimum: 0n,
            sqrtPriceLimitX96: marketSqrtPrice,
          },
        ],
      }),
    );

    // Back on the market, it earns on what it still holds, valued independently: well under what was migrated.
    const snap = await world.crossEpoch();
    const held = await world.expectedCredit(tokenId, pool, migratedUsd, BigInt(snap.blockNumber));
    const drained = await reportOf(bob.account.address);
    expect(uniswapHolding(drained)).toMatchObject({ state: "earning", heldUsd: held.toString() });
    expect(Number(held)).toBeLessThan(Number(migratedUsd) * 0.6);
    expect(drained.points).toBe(closedEpochsPoints(held, snap.firstEpoch, snap.epochs, world.rule).toString());
  });

  it("a price fall after a migration leaves no credit behind a full exit", async () => {
    const alice = world.wallet(ALICE);
    const { WETH } = world.addresses.tokens;
    await world.migrateAave(ALICE, ["WETH"]);
    await world.crossEpoch();
    const holding = await reportOf(alice.account.address);
    expect(lendingHolding(holding)?.state).toBe("earning");
    expect(BigInt(lendingHolding(holding)?.heldUsd ?? 0)).toBeGreaterThan(20_000n * ONE_USD);

    // WETH falls by a third on the oracle (the world's is Aave's settable mock), then alice takes everything out.
    await minedReceipt(
      alice,
      await alice.writeContract({
        address: world.addresses.aaveV3.oracle,
        abi: priceOracleAbi,
        functionName: "setAssetPrice",
        args: [WETH, 2_000n * ONE_USD],
      }),
    );
    await withdrawAaveV3(alice, world.addresses.aaveV3.pool, WETH);
    await world.crossEpoch();
    const exited = await reportOf(alice.account.address);
    expect(lendingHolding(exited)).toMatchObject({ state: "withdrawn", heldUsd: "0", pointsPerEpoch: "0" });
    expect(exited.points).toBe(holding.points);
    expect(exited.heldUsd).toBe("0");
  });
});
