import { type Address, type Chain, erc20Abi, erc721Abi, type PublicClient, parseEventLogs } from "viem";
import { describe, expect, it } from "vitest";
import { withMigratorWorld } from "../../../devnet/migratorWorld";
import type { RunningChain } from "../../../devnet/world";
import { walletOf } from "../../../devnet/worldClient";
import { addressesFor } from "../../chain/addresses";
import { migratorAbi, uniswapV4PositionManagerAbi } from "../../generated/abis";
import { simulateMigration } from "../../migrator/simulate";
import { signingDeadline } from "../../signing/requests";
import type { V2Position } from "../../uniswap/v2/positions";
import { DEFAULT_V4_DRAFT, type V4DestinationDraft } from "../../uniswap/v4/destination";
import { candidatePoolKeys, poolCurrencies, poolIdOf } from "../../uniswap/v4/poolKey";
import { readV4Pools } from "../../uniswap/v4/pools";
import { batchSimulation } from "../batch";
import { legOf, signatureBook, typedDataOf } from "../types";
import { uniswapV2ToV4 } from ".";
import { DEFAULT_V2_TO_V4_DRAFT } from "./draft";

// The V2 → V4 plan against the real Migrator, V2 pair and V4 PoolManager / PositionManager: what the page previews
// is what the chain deposits, and a signed migration leaves the user a V4 position and the Migrator nothing.
let world: RunningChain;
let client: PublicClient;
let chain: Chain;
let migrator: Address;
const addresses = addressesFor(31337);
const { WETH, USDC } = addresses.tokens;
const { uniswapV4 } = addresses;

withMigratorWorld((started) => {
  ({ world, chain, client, migrator } = started);
});

async function alicesWethUsdc(): Promise<V2Position> {
  const positions = await uniswapV2ToV4.discover(client, world.chainId, addresses.accounts.alice);
  const position = positions.find((candidate) => candidate.pair === addresses.uniswapV2.pairs.WETH_USDC);
  if (!position) throw new Error("alice holds no WETH/USDC LP in the world");
  return position;
}

/** Reads the candidate pools for the draft's currencies and plans, as the page does. */
async function plan(destination: V4DestinationDraft, percentage = "100") {
  const position = await alicesWethUsdc();
  const currencies = poolCurrencies(position.token0, position.token1, WETH, destination.native);
  const candidates = await readV4Pools(client, uniswapV4.stateView, candidatePoolKeys(currencies));
  const planned = uniswapV2ToV4.plan({
    position,
    draft: { ...DEFAULT_V2_TO_V4_DRAFT, percentage, destination },
    candidates,
    weth: WETH,
    slippageBps: 50,
    held: [],
  });
  if (!planned.ok) throw new Error(planned.error);
  return planned.plan;
}

async function simulate(ready: Awaited<ReturnType<typeof plan>>) {
  const leg = legOf(uniswapV2ToV4, ready, migrator);
  const result = await simulateMigration(client, {
    migrator,
    owner: addresses.accounts.alice,
    ...batchSimulation([leg], { signing: false }),
    deadline: 2n ** 40n,
    unwrapWeth: false,
  });
  const [migrated] = result.migrations;
  if (!migrated) throw new Error("the simulation emitted no Migrated event");
  return migrated.migration;
}

describe("Uniswap V2 → V4 on the world", () => {
  it("reads the world's V4 pools through StateView: the seeded ones exist, the others do not", async () => {
    const position = await alicesWethUsdc();
    const weth = await readV4Pools(
      client,
      uniswapV4.stateView,
      candidatePoolKeys(poolCurrencies(position.token0, position.token1, WETH, false)),
    );
    const eth = await readV4Pools(
      client,
      uniswapV4.stateView,
      candidatePoolKeys(poolCurrencies(position.token0, position.token1, WETH, true)),
    );
    const existing = (pools: typeof weth) => pools.filter((pool) => pool.sqrtPriceX96 > 0n).map((pool) => pool.id);
    expect(existing(weth)).toEqual([uniswapV4.pools.WETH_USDC_3000.id]);
    expect(existing(eth)).toEqual([uniswapV4.pools.ETH_USDC_500.id]);
    expect(weth.find((pool) => pool.sqrtPriceX96 > 0n)?.liquidity).toBeGreaterThan(0n);
  });

  it.each([
    ["the WETH/USDC pool", DEFAULT_V4_DRAFT, uniswapV4.pools.WETH_USDC_3000.id],
    ["the native ETH/USDC pool", { ...DEFAULT_V4_DRAFT, native: true }, uniswapV4.pools.ETH_USDC_500.id],
    [
      "a ±10% range",
      { ...DEFAULT_V4_DRAFT, range: { preset: "narrow", minPrice: "", maxPrice: "" } },
      uniswapV4.pools.WETH_USDC_3000.id,
    ],
  ] as const)("deposits into %s exactly what the plan previews", async (_, destination, poolId) => {
    const ready = await plan(destination, "50");
    expect(poolIdOf(ready.params.destination.poolKey)).toBe(poolId);
    const migration = await simulate(ready);
    expect(migration.destination).toBe(poolId);
    expect(migration.liquidity).toBe(ready.v4.deposit.liquidity);
    expect([migration.amount0Deposited, migration.amount1Deposited]).toEqual([
      ready.v4.deposit.amount0,
      ready.v4.deposit.amount1,
    ]);
    expect([migration.amount0Refunded, migration.amount1Refunded]).toEqual([
      ready.v4.refund.amount0,
      ready.v4.refund.amount1,
    ]);
    expect(migration.refundedAsEth).toBe(destination.native);
    expect(migration.token0).toBe(ready.v4.currencies.currency0.address);
  });

  it("creates a missing pool at the V2 price and deposits what the plan previews there", async () => {
    const ready = await plan({ ...DEFAULT_V4_DRAFT, tier: { fee: 10_000, tickSpacing: 200 } });
    expect(ready.v4.poolExists).toBe(false);
    const migration = await simulate(ready);
    expect(migration.liquidity).toBe(ready.v4.deposit.liquidity);
    expect([migration.amount0Deposited, migration.amount1Deposited]).toEqual([
      ready.v4.deposit.amount0,
      ready.v4.deposit.amount1,
    ]);
  });

  it("signs and sends: alice owns the V4 position in the chosen pool, and the Migrator holds nothing", async () => {
    const wallet = walletOf(chain, "alice");
    const { account } = wallet;
    const ready = await plan({ ...DEFAULT_V4_DRAFT, native: true });
    const leg = legOf(uniswapV2ToV4, ready, migrator);
    const deadline = await signingDeadline(client);
    const requests = await leg.signatureRequests({
      client,
      chainId: world.chainId,
      owner: account.address,
      migrator,
      deadline,
    });
    const signatures = Object.fromEntries(
      await Promise.all(requests.map(async (item) => [item.key, await wallet.signTypedData(typedDataOf(item))])),
    );
    const hash = await wallet.writeContract({
      address: migrator,
      abi: migratorAbi,
      functionName: "migrate",
      args: [[leg.encode(signatureBook(requests, signatures, deadline))], deadline, false],
    });
    const receipt = await client.waitForTransactionReceipt({ hash });
    expect(receipt.status).toBe("success");
    const [event] = parseEventLogs({ abi: migratorAbi, eventName: "Migrated", logs: receipt.logs });
    const tokenId = event?.args.migration.tokenId ?? 0n;
    const positionManager = uniswapV4.positionManager;
    const [owner, [poolKey], liquidity] = await Promise.all([
      client.readContract({ address: positionManager, abi: erc721Abi, functionName: "ownerOf", args: [tokenId] }),
      client.readContract({
        address: positionManager,
        abi: uniswapV4PositionManagerAbi,
        functionName: "getPoolAndPositionInfo",
        args: [tokenId],
      }),
      client.readContract({
        address: positionManager,
        abi: uniswapV4PositionManagerAbi,
        functionName: "getPositionLiquidity",
        args: [tokenId],
      }),
    ]);
    expect(owner).toBe(account.address);
    expect(poolIdOf(poolKey)).toBe(uniswapV4.pools.ETH_USDC_500.id);
    expect(liquidity).toBe(ready.v4.deposit.liquidity);
    const residue = await Promise.all([
      client.getBalance({ address: migrator }),
      ...[WETH, USDC, addresses.uniswapV2.pairs.WETH_USDC].map((token) =>
        client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [migrator] }),
      ),
    ]);
    expect(residue, "ETH, WETH, USDC and LP left in the Migrator").toEqual([0n, 0n, 0n, 0n]);
  });
});
