import { type Address, type Chain, erc20Abi, erc721Abi, type PublicClient, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import type { AccountName } from "../../../devnet/deploy/config";
import { withMigratorWorld } from "../../../devnet/migratorWorld";
import type { RunningChain } from "../../../devnet/world";
import { walletOf } from "../../../devnet/worldClient";
import { addressesFor } from "../../chain/addresses";
import { migratorAbi, nonfungiblePositionManagerAbi, uniswapV4PositionManagerAbi } from "../../generated/abis";
import { signingDeadline } from "../../signing/requests";
import { candidatePoolKeys, poolCurrencies } from "../../uniswap/v4/poolKey";
import { readV4Pools } from "../../uniswap/v4/pools";
import { NO_SIGNATURES } from "../batch";
import { parseMigrationEvents } from "../events";
import { legOf, signatureBook, typedDataOf } from "../types";
import { uniswapV3ToV4 } from ".";
import { DEFAULT_V3_TO_V4_DRAFT, type V3ToV4Draft } from "./draft";

// The adapter's plan sent as the page sends it, against the real Migrator, V3 position manager and V4 pools.
let world: RunningChain;
let client: PublicClient;
let chain: Chain;
let migrator: Address;
const addresses = addressesFor(31337);
const { weth } = { weth: addresses.tokens.WETH };
const v3 = addresses.uniswapV3;

withMigratorWorld((started) => {
  ({ world, chain, client, migrator } = started);
});

/** The account's position `tokenId` planned with `draft`, against the V4 pools read for its currencies. */
async function plannedLeg(name: AccountName, tokenId: number, draft: V3ToV4Draft) {
  const positions = await uniswapV3ToV4.discover(client, world.chainId, addresses.accounts[name]);
  const position = positions.find((candidate) => candidate.tokenId === BigInt(tokenId));
  if (!position) throw new Error(`${name} holds no V3 position #${tokenId}`);
  const currencies = poolCurrencies(position.token0, position.token1, weth, draft.destination.native);
  const candidates = await readV4Pools(client, addresses.uniswapV4.stateView, candidatePoolKeys(currencies));
  const planned = uniswapV3ToV4.plan({ position, draft, candidates, weth, slippageBps: 50, held: [] });
  if (!planned.ok) throw new Error(planned.error);
  return { plan: planned.plan, leg: legOf(uniswapV3ToV4, planned.plan, migrator) };
}

async function send(name: AccountName, leg: ReturnType<typeof legOf>, book = NO_SIGNATURES) {
  const hash = await walletOf(chain, name).writeContract({
    address: migrator,
    abi: migratorAbi,
    functionName: "migrate",
    args: [[leg.encode(book)], await signingDeadline(client), false],
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  expect(receipt.status, "the migration succeeds").toBe("success");
  const [event, ...more] = parseMigrationEvents(receipt.logs);
  expect(more).toEqual([]);
  if (event?.kind !== "Migrated") throw new Error("expected one Migrated event");
  return event.migration;
}

/** The Migrator keeps nothing: no ETH, WETH or USDC. */
async function expectNothingLeftIn(address: Address) {
  expect(await client.getBalance({ address })).toBe(0n);
  for (const token of [weth, addresses.tokens.USDC]) {
    expect(
      await client.readContract({ address: token, abi: erc20Abi, functionName: "balanceOf", args: [address] }),
    ).toBe(0n);
  }
}

describe("Uniswap V3 → V4 on the world", () => {
  it("moves alice's whole position and its fees into native ETH/USDC with her NFT permit: burned, minted as planned", async () => {
    const draft = { ...DEFAULT_V3_TO_V4_DRAFT, destination: { ...DEFAULT_V3_TO_V4_DRAFT.destination, native: true } };
    const { plan, leg } = await plannedLeg("alice", v3.positions.alice_WETH_USDC_500, draft);
    expect(plan.destination.pool.id, "the deepest native pool").toBe(addresses.uniswapV4.pools.ETH_USDC_500.id);
    const deadline = await signingDeadline(client);
    const owner = addresses.accounts.alice;
    const requests = await leg.signatureRequests({ client, chainId: world.chainId, owner, migrator, deadline });
    expect(requests.map(({ kind }) => kind)).toEqual(["nftPermit"]);
    const signatures: Record<string, `0x${string}`> = {};
    for (const item of requests) signatures[item.key] = await walletOf(chain, "alice").signTypedData(typedDataOf(item));
    const migration = await send("alice", leg, signatureBook(requests, signatures, deadline));

    expect(migration.sourceId).toBe(BigInt(v3.positions.alice_WETH_USDC_500));
    expect(migration.token0, "native ETH").toBe(zeroAddress);
    // Withdrawn = principal + every fee, as discovered; the deposit is the one previewed, at the pool's price.
    expect([migration.amount0Withdrawn, migration.amount1Withdrawn]).toEqual([
      plan.destination.offered.amount0,
      plan.destination.offered.amount1,
    ]);
    expect([migration.amount0Deposited, migration.amount1Deposited]).toEqual([
      plan.destination.deposit.amount0,
      plan.destination.deposit.amount1,
    ]);
    await expect(
      client.readContract({
        address: v3.positionManager,
        abi: erc721Abi,
        functionName: "ownerOf",
        args: [migration.sourceId],
      }),
      "the emptied NFT is burned",
    ).rejects.toThrow();
    const v4 = addresses.uniswapV4.positionManager;
    expect(
      await client.readContract({ address: v4, abi: erc721Abi, functionName: "ownerOf", args: [migration.tokenId] }),
    ).toBe(owner);
    const liquidity = await client.readContract({
      address: v4,
      abi: uniswapV4PositionManagerAbi,
      functionName: "getPositionLiquidity",
      args: [migration.tokenId],
    });
    expect(liquidity).toBe(plan.destination.deposit.liquidity);
    await expectNothingLeftIn(migrator);
  });

  it("moves half of bob's out-of-range position by approval, fees refunded: the NFT stays with the other half", async () => {
    const tokenId = v3.positions.bob_WETH_USDC_3000;
    const draft = { ...DEFAULT_V3_TO_V4_DRAFT, percentage: "50", depositFees: false };
    const { plan, leg } = await plannedLeg("bob", tokenId, draft);
    expect(plan.destination.pool.id).toBe(addresses.uniswapV4.pools.WETH_USDC_3000.id);
    const [approval, ...more] = leg.approvals;
    expect(more).toEqual([]);
    if (!approval) throw new Error("one approval stands in for the permit");
    const approvalHash = await walletOf(chain, "bob").sendTransaction(approval.call);
    await client.waitForTransactionReceipt({ hash: approvalHash });
    const migration = await send("bob", leg);

    expect(migration.sourceAmount).toBe(plan.withdrawal.liquidity);
    expect([migration.amount0Deposited, migration.amount1Deposited]).toEqual([
      plan.destination.deposit.amount0,
      plan.destination.deposit.amount1,
    ]);
    const [, , , , , , , liquidityLeft] = await client.readContract({
      address: v3.positionManager,
      abi: nonfungiblePositionManagerAbi,
      functionName: "positions",
      args: [BigInt(tokenId)],
    });
    expect(liquidityLeft).toBe(plan.position.liquidity - plan.withdrawal.liquidity);
    expect(
      await client.readContract({
        address: v3.positionManager,
        abi: erc721Abi,
        functionName: "ownerOf",
        args: [BigInt(tokenId)],
      }),
    ).toBe(addresses.accounts.bob);
    await expectNothingLeftIn(migrator);
  });
});
