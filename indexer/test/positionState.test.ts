import { erc20Abi, maxUint128, maxUint256 } from "viem";
import { describe, expect, it } from "vitest";
import { minedReceipt } from "../../devnet/anvil";
import { decreaseLiquidity } from "../../devnet/migrations";
import type { UserReport } from "../../lib/campaign/stats";
import { migratorAbi, nonfungiblePositionManagerAbi } from "../../lib/generated/abis";
import { NO_PERMIT } from "../../lib/migrator/encoding";
import { uniswapV2ToV3Position } from "../../lib/routes/uniswapV2ToV3/params";
import { HOURLY_RULE, indexedWorldForFile } from "./indexedWorld";

/**
 * A snapshot values Uniswap positions from state the indexer follows through their events (read once after the
 * migration), not from a read of every position: each way that state could part from the chain's is driven here on the
 * world, and every snapshot's credit checked against one computed from the chain itself at the snapshot's block.
 */
const ALICE = 1;
const CAROL = 3;
const FEE = 3000;
/** Full range at the 0.3 % tier's tick spacing (60), as the devnet's V2 → V3 migrations use. */
const FULL_RANGE = { tickLower: -887_220, tickUpper: 887_220 };

const world = indexedWorldForFile(HOURLY_RULE);

const alice = () => world.wallet(ALICE);
const positionManager = () => world.addresses.uniswapV3.positionManager;
const pool = () => world.addresses.uniswapV3.pools.WETH_USDC_3000;

/** The user's V3 position `tokenId` in `/api/users`. */
async function holdingOf(tokenId: bigint) {
  const report = await world.api<UserReport>(`/api/users/${alice().account.address}`);
  const held = report.positions.find((position) => position.kind === "uniswap-v3" && position.id === String(tokenId));
  if (!held) throw new Error(`position ${tokenId} is not in the API`);
  return held;
}

/** Crosses an epoch and expects the position credited exactly what chain state at the snapshot's block gives. */
async function expectCreditFromChain(tokenId: bigint, migratedUsd: bigint) {
  const snap = await world.crossEpoch();
  const credit = await world.expectedCredit(tokenId, pool(), migratedUsd, BigInt(snap.blockNumber));
  expect(await holdingOf(tokenId)).toMatchObject({ state: "earning", heldUsd: credit.toString() });
  return credit;
}

async function send(request: Parameters<ReturnType<typeof alice>["writeContract"]>[0]) {
  const wallet = alice();
  const receipt = await minedReceipt(wallet, await wallet.writeContract(request));
  if (receipt.status !== "success") throw new Error(`${String(request.functionName)} reverted`);
  return receipt;
}

async function approveTokensToPositionManager() {
  for (const token of [world.addresses.tokens.WETH, world.addresses.tokens.USDC]) {
    await send({ address: token, abi: erc20Abi, functionName: "approve", args: [positionManager(), maxUint256] });
  }
}

/** Adds 0.2 WETH and 600 USDC (about $1,200) to the position straight through the position manager. */
async function addOutsideFerry(tokenId: bigint) {
  const deadline = (await alice().getBlock()).timestamp + 3600n;
  await send({
    address: positionManager(),
    abi: nonfungiblePositionManagerAbi,
    functionName: "increaseLiquidity",
    args: [
      {
        tokenId,
        amount0Desired: 2n * 10n ** 17n,
        amount1Desired: 600n * 10n ** 6n,
        amount0Min: 0n,
        amount1Min: 0n,
        deadline,
      },
    ],
  });
}

/** The USD the indexer valued the migration into `tokenId` at. */
async function migratedUsdOf(tokenId: bigint): Promise<bigint> {
  const rows = await world.waitFor<{ destinationId: string; usd: string }[]>(
    `/api/migrations?user=${alice().account.address}`,
    (list) => list.some((row) => row.destinationId === String(tokenId)),
  );
  return BigInt(rows.find((row) => row.destinationId === String(tokenId))?.usd ?? 0);
}

const liquidityOf = async (tokenId: bigint) =>
  (
    await alice().readContract({
      address: positionManager(),
      abi: nonfungiblePositionManagerAbi,
      functionName: "positions",
      args: [tokenId],
    })
  )[7];

async function transfer(fromIndex: number, toIndex: number, tokenId: bigint) {
  const from = world.wallet(fromIndex);
  const hash = await from.writeContract({
    address: positionManager(),
    abi: nonfungiblePositionManagerAbi,
    functionName: "transferFrom",
    args: [from.account.address, world.wallet(toIndex).account.address, tokenId],
  });
  await minedReceipt(from, hash);
}

describe("a snapshot values positions from the state their events leave", () => {
  let tokenId = 0n;
  let migratedUsd = 0n;
  let migratedLiquidity = 0n;

  it("follows liquidity added outside Ferry (capped at the USD migrated) and then taken out", async () => {
    const migrated = await world.migrate(ALICE, 5_000);
    tokenId = migrated.args.migration.tokenId;
    migratedLiquidity = migrated.args.migration.liquidity;
    migratedUsd = await migratedUsdOf(tokenId);
    await expectCreditFromChain(tokenId, migratedUsd);

    await approveTokensToPositionManager();
    await addOutsideFerry(tokenId);
    // More value than was migrated: the credit stays at the cap.
    expect(await expectCreditFromChain(tokenId, migratedUsd)).toBe(migratedUsd);

    // Take the migrated liquidity out: what was added outside Ferry is what the position still holds on chain, and
    // its value (below the cap) is credited — followed from IncreaseLiquidity, not lost with the migrated part.
    await decreaseLiquidity(alice(), positionManager(), tokenId, migratedLiquidity);
    const left = await expectCreditFromChain(tokenId, migratedUsd);
    expect(left).toBeGreaterThan(0n);
    expect(left).toBeLessThan(migratedUsd);
  });

  it("credits nothing while the position is with someone else, and again once it is back with the migrator", async () => {
    await transfer(ALICE, CAROL, tokenId);
    await world.crossEpoch();
    expect(await holdingOf(tokenId)).toMatchObject({ state: "transferred", heldUsd: "0" });

    await transfer(CAROL, ALICE, tokenId);
    await expectCreditFromChain(tokenId, migratedUsd);
  });

  it("counts a burnt position as withdrawn", async () => {
    await decreaseLiquidity(alice(), positionManager(), tokenId, await liquidityOf(tokenId));
    const recipient = alice().account.address;
    await send({
      address: positionManager(),
      abi: nonfungiblePositionManagerAbi,
      functionName: "collect",
      args: [{ tokenId, recipient, amount0Max: maxUint128, amount1Max: maxUint128 }],
    });
    await send({
      address: positionManager(),
      abi: nonfungiblePositionManagerAbi,
      functionName: "burn",
      args: [tokenId],
    });
    await world.crossEpoch();
    expect(await holdingOf(tokenId)).toMatchObject({ state: "withdrawn", heldUsd: "0" });
  });

  it("values a position minted outside Ferry and topped up by a migration from its whole liquidity", async () => {
    const deadline = (await alice().getBlock()).timestamp + 3600n;
    const { WETH, USDC } = world.addresses.tokens;
    const minted = await send({
      address: positionManager(),
      abi: nonfungiblePositionManagerAbi,
      functionName: "mint",
      args: [
        {
          token0: WETH,
          token1: USDC,
          fee: FEE,
          ...FULL_RANGE,
          amount0Desired: 5n * 10n ** 18n,
          amount1Desired: 15_000n * 10n ** 6n,
          amount0Min: 0n,
          amount1Min: 0n,
          recipient: alice().account.address,
          deadline,
        },
      ],
    });
    const [own] = await alice().getContractEvents({
      address: positionManager(),
      abi: nonfungiblePositionManagerAbi,
      eventName: "IncreaseLiquidity",
      blockHash: minted.blockHash,
    });
    const ownId = own?.args.tokenId;
    if (ownId === undefined) throw new Error("no position minted");

    // Migrate 10 % of the V2 LP into it (the Migrator adds to a position the caller owns in the same pool and range).
    const topUp = uniswapV2ToV3Position({
      token0: WETH,
      token1: USDC,
      lpAmount: 0n,
      percentageBps: 1_000,
      amount0MinWithdrawn: 0n,
      amount1MinWithdrawn: 0n,
      fee: FEE,
      ...FULL_RANGE,
      sqrtPriceX96Min: 4295128739n,
      sqrtPriceX96Max: 1461446703485210103287273052203988822378723970342n,
      amount0MinDeposited: 0n,
      amount1MinDeposited: 0n,
      tokenId: ownId,
      permit: NO_PERMIT,
    });
    const receipt = await send({
      address: world.ferry.migrator,
      abi: migratorAbi,
      functionName: "migrate",
      args: [[topUp], deadline, false],
    });
    const migrated = await world.migratedEvent(receipt.transactionHash);
    expect(migrated.args.migration.tokenId).toBe(ownId);
    const toppedUsd = await migratedUsdOf(ownId);

    // The migrated liquidity taken out again: the position still holds what was minted outside Ferry, worth more than
    // the migration, so the credit is the whole migrated USD (a state kept from events alone would say withdrawn).
    await decreaseLiquidity(alice(), positionManager(), ownId, migrated.args.migration.liquidity);
    expect(await expectCreditFromChain(ownId, toppedUsd)).toBe(toppedUsd);
  });
});
