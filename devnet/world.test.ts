import { readFileSync } from "node:fs";
import { type Address, createPublicClient, erc20Abi, type Hash, http, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addressesFor } from "../lib/chain/addresses";
import { MULTICALL3 } from "../lib/chain/multicall3";
import {
  aaveV2LendingPoolAbi,
  nonfungiblePositionManagerAbi,
  uniswapV2PairAbi,
  uniswapV3PoolAbi,
} from "../lib/generated/abis";
import { minedReceipt, rpc } from "./anvil";
import { accounts, WORLD_CHAIN_ID } from "./deploy/config";
import { advanceTime, movePrice } from "./market";
import { type RunningChain, revert, snapshot, startFork, startWorld } from "./world";
import { WORLD_META } from "./world-files";

const world = addressesFor(WORLD_CHAIN_ID);

const client = (rpcUrl: string): PublicClient => createPublicClient({ transport: http(rpcUrl) });

const MAX_UINT128 = 2n ** 128n - 1n;

/** A seeded V3 position as the chain has it: owner, range against its pool's tick, and fees a collect would pay. */
async function v3Position(rpcUrl: string, tokenId: number, pool: Address) {
  const read = client(rpcUrl);
  const npm = { address: world.uniswapV3.positionManager, abi: nonfungiblePositionManagerAbi } as const;
  const owner = await read.readContract({ ...npm, functionName: "ownerOf", args: [BigInt(tokenId)] });
  const [, , , , , tickLower, tickUpper, liquidity] = await read.readContract({
    ...npm,
    functionName: "positions",
    args: [BigInt(tokenId)],
  });
  const [, tick] = await read.readContract({ address: pool, abi: uniswapV3PoolAbi, functionName: "slot0" });
  // collect() pokes the pool first, so simulating it as the owner returns the fees earned so far.
  const { result: fees } = await read.simulateContract({
    ...npm,
    functionName: "collect",
    args: [{ tokenId: BigInt(tokenId), recipient: owner, amount0Max: MAX_UINT128, amount1Max: MAX_UINT128 }],
    account: owner,
  });
  return { owner, liquidity, inRange: tickLower <= tick && tick < tickUpper, fees };
}

/** A fingerprint of the seeded state: balances, pool prices and a debt position. */
async function stateOf(rpcUrl: string) {
  const read = client(rpcUrl);
  return {
    chainId: await read.getChainId(),
    aliceLp: await read.readContract({
      address: world.uniswapV2.pairs.WETH_USDC,
      abi: erc20Abi,
      functionName: "balanceOf",
      args: [accounts.alice],
    }),
    reserves: await read.readContract({
      address: world.uniswapV2.pairs.WETH_USDC,
      abi: uniswapV2PairAbi,
      functionName: "getReserves",
    }),
    slot0: await read.readContract({
      address: world.uniswapV3.pools.WETH_USDC_500,
      abi: uniswapV3PoolAbi,
      functionName: "slot0",
    }),
    bobAaveV2: await read.readContract({
      address: world.aaveV2.pool,
      abi: aaveV2LendingPoolAbi,
      functionName: "getUserAccountData",
      args: [accounts.bob],
    }),
  };
}

describe("the world node", () => {
  let node: RunningChain;
  let fork: RunningChain;

  beforeAll(async () => {
    node = await startWorld();
    fork = await startFork(node.rpcUrl);
  });
  afterAll(async () => {
    await fork?.stop();
    await node?.stop();
  });

  it("loads the built state at the recorded block with chain id 31337", async () => {
    const meta = JSON.parse(readFileSync(WORLD_META, "utf8"));
    expect(node.chainId).toBe(31337);
    expect(Number(await client(node.rpcUrl).getBlockNumber())).toBe(meta.blockNumber);
    const state = await stateOf(node.rpcUrl);
    expect(state.chainId).toBe(31337);
    expect(state.aliceLp).toBeGreaterThan(0n);
  });

  it("has Multicall3 at its canonical address, aggregating reads that may fail", async () => {
    const [supply, missing] = await client(node.rpcUrl).multicall({
      multicallAddress: MULTICALL3,
      allowFailure: true,
      contracts: [
        { address: world.uniswapV2.pairs.WETH_USDC, abi: erc20Abi, functionName: "totalSupply" },
        // No contract there: the call fails on its own, the batch does not.
        { address: accounts.alice, abi: erc20Abi, functionName: "totalSupply" },
      ],
    });
    expect(supply).toMatchObject({ status: "success" });
    expect(supply?.result).toBeGreaterThan(0n);
    expect(missing?.status).toBe("failure");
  });

  it("reads the same state through a fork of the world node", async () => {
    expect(fork.chainId).toBe(31337);
    expect(await stateOf(fork.rpcUrl)).toEqual(await stateOf(node.rpcUrl));
  });

  it("holds the demo accounts' V3 positions under the ids in lib/addresses.json", async () => {
    const { positions, pools } = world.uniswapV3;
    const alice = await v3Position(node.rpcUrl, positions.alice_WETH_USDC_500, pools.WETH_USDC_500);
    expect(alice).toMatchObject({ owner: accounts.alice, inRange: true });
    expect(alice.liquidity).toBeGreaterThan(0n);
    expect(
      alice.fees.every((amount) => amount > 0n),
      "fees earned in both tokens",
    ).toBe(true);

    const bobOut = await v3Position(node.rpcUrl, positions.bob_WETH_USDC_3000, pools.WETH_USDC_3000);
    expect(bobOut).toMatchObject({ owner: accounts.bob, inRange: false, fees: [0n, 0n] });
    expect(bobOut.liquidity).toBeGreaterThan(0n);

    const bobIn = await v3Position(node.rpcUrl, positions.bob_DAI_USDC_100, pools.DAI_USDC_100);
    expect(bobIn).toMatchObject({ owner: accounts.bob, inRange: true });
    expect(bobIn.liquidity).toBeGreaterThan(0n);
  });

  it("reverts a fork to a snapshot", async () => {
    const id = await snapshot(fork.rpcUrl);
    await movePrice(fork.rpcUrl, { venue: { v2: "WETH_USDC" }, sell: "WETH", amount: 10n ** 18n });
    const moved = await stateOf(fork.rpcUrl);
    await revert(fork.rpcUrl, id);
    expect(moved.reserves).not.toEqual((await stateOf(node.rpcUrl)).reserves);
    expect(await stateOf(fork.rpcUrl)).toEqual(await stateOf(node.rpcUrl));
  });

  it("moves a V2 price down when its token is sold", async () => {
    const id = await snapshot(fork.rpcUrl);
    const [wethBefore, usdcBefore] = (await stateOf(fork.rpcUrl)).reserves;
    await movePrice(fork.rpcUrl, { venue: { v2: "WETH_USDC" }, sell: "WETH", amount: 100n * 10n ** 18n });
    const [wethAfter, usdcAfter] = (await stateOf(fork.rpcUrl)).reserves;
    await revert(fork.rpcUrl, id);
    // WETH is token0 of the pair: more WETH, less USDC, so fewer USDC per WETH.
    expect(wethAfter - wethBefore).toBe(100n * 10n ** 18n);
    expect((usdcAfter * 10n ** 18n) / wethAfter).toBeLessThan((usdcBefore * 10n ** 18n) / wethBefore);
  });

  it("moves a V3 pool's tick when its token is bought", async () => {
    const id = await snapshot(fork.rpcUrl);
    const [, tickBefore] = (await stateOf(fork.rpcUrl)).slot0;
    await movePrice(fork.rpcUrl, { venue: { v3: "WETH_USDC_500" }, sell: "USDC", amount: 1_000_000n * 10n ** 6n });
    const [, tickAfter] = (await stateOf(fork.rpcUrl)).slot0;
    await revert(fork.rpcUrl, id);
    // Selling USDC (token1) for WETH (token0) raises token0's price, so the tick rises.
    expect(tickAfter).toBeGreaterThan(tickBefore);
  });

  it("advances time so that Aave debt accrues", async () => {
    const id = await snapshot(fork.rpcUrl);
    const read = client(fork.rpcUrl);
    const before = await read.getBlock();
    const [, debtBefore] = (await stateOf(fork.rpcUrl)).bobAaveV2;
    await advanceTime(fork.rpcUrl, 365 * 24 * 3600);
    const after = await read.getBlock();
    const [, debtAfter, , , , healthAfter] = (await stateOf(fork.rpcUrl)).bobAaveV2;
    await revert(fork.rpcUrl, id);
    expect(after.timestamp - before.timestamp).toBeGreaterThanOrEqual(365n * 24n * 3600n);
    expect(debtAfter).toBeGreaterThan(debtBefore);
    // The world's clock jumps to wall-clock time when loaded: a year of interest must leave bob healthy.
    expect(healthAfter).toBeGreaterThan(10n ** 18n);
  });
});

describe("the world node with a block time (npm start's chain)", () => {
  const nodes: RunningChain[] = [];
  const startWithBlockTime = async (blockTime: number) => {
    const node = await startWorld({ blockTime });
    nodes.push(node);
    return node;
  };
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  });

  it("keeps mining while idle, so its time follows the clock", async () => {
    const read = client((await startWithBlockTime(1)).rpcUrl);
    const before = await read.getBlock();
    // Polled, not slept: two blocks with no transaction, however slowly this machine runs.
    let after = before;
    while (after.number < before.number + 2n) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = await read.getBlock();
    }
    expect(after.timestamp, "block time moves with the clock").toBeGreaterThan(before.timestamp);
  }, 20_000);

  it("still mines a transaction at once, not at the next tick an hour later", async () => {
    const node = await startWithBlockTime(3600);
    const hash = await rpc<Hash>(node.rpcUrl, "eth_sendTransaction", [
      { from: accounts.alice, to: accounts.bob, value: "0x1" },
    ]);
    const receipt = await minedReceipt(client(node.rpcUrl), hash, 15_000);
    expect(receipt.status).toBe("success");
  });
});
