import { type Address, type Chain, erc721Abi, type PublicClient } from "viem";
import { describe, expect, it } from "vitest";
import { withMigratorWorld } from "../../../devnet/migratorWorld";
import type { RunningChain } from "../../../devnet/world";
import { walletOf } from "../../../devnet/worldClient";
import { addressesFor } from "../../chain/addresses";
import { migratorAbi } from "../../generated/abis";
import { simulateMigration } from "../../migrator/simulate";
import { batchSimulation, NO_SIGNATURES } from "../../routes/batch";
import { legOf } from "../../routes/types";
import { uniswapV2ToV4 } from "../../routes/uniswapV2ToV4";
import { DEFAULT_V2_TO_V4_DRAFT } from "../../routes/uniswapV2ToV4/draft";
import { DEFAULT_V4_DRAFT } from "./destination";
import { candidatePoolKeys, poolCurrencies } from "./poolKey";
import { readV4Pools } from "./pools";
import { type HeldV4Position, readV4Positions } from "./positions";

// The account's V4 positions read from the real V4 PositionManager, and a V2 → V4 migration planned into one of them:
// what the page previews is what the Migrator adds to that position.
let world: RunningChain;
let client: PublicClient;
let chain: Chain;
let migrator: Address;
const addresses = addressesFor(31337);
const { alice, bob } = addresses.accounts;
const { uniswapV4 } = addresses;

withMigratorWorld((started) => {
  ({ world, chain, client, migrator } = started);
});

/** Plans alice's V2 WETH/USDC LP into the WETH/USDC 0.3% V4 pool, into a new position or `tokenId`. */
async function planAlice(percentage: string, tokenId: bigint, held: HeldV4Position[]) {
  const [position] = (await uniswapV2ToV4.discover(client, world.chainId, alice)).filter(
    ({ pair }) => pair === addresses.uniswapV2.pairs.WETH_USDC,
  );
  if (!position) throw new Error("alice holds no WETH/USDC LP in the world");
  const currencies = poolCurrencies(position.token0, position.token1, addresses.tokens.WETH, false);
  const planned = uniswapV2ToV4.plan({
    position,
    draft: { ...DEFAULT_V2_TO_V4_DRAFT, percentage, destination: { ...DEFAULT_V4_DRAFT, tokenId } },
    candidates: await readV4Pools(client, uniswapV4.stateView, candidatePoolKeys(currencies)),
    weth: addresses.tokens.WETH,
    slippageBps: 50,
    held,
  });
  if (!planned.ok) throw new Error(planned.error);
  return legOf(uniswapV2ToV4, planned.plan, migrator);
}

/** Sends a leg from alice with its approvals standing in for signatures. */
async function send(leg: Awaited<ReturnType<typeof planAlice>>) {
  const wallet = walletOf(chain, "alice");
  for (const { call } of leg.approvals) {
    await client.waitForTransactionReceipt({ hash: await wallet.sendTransaction(call) });
  }
  const deadline = (await client.getBlock()).timestamp + 3600n;
  const hash = await wallet.writeContract({
    address: migrator,
    abi: migratorAbi,
    functionName: "migrate",
    args: [[leg.encode(NO_SIGNATURES)], deadline, false],
  });
  expect((await client.waitForTransactionReceipt({ hash })).status).toBe("success");
}

describe("V4 positions held on the world", () => {
  it("reads the positions an account holds now, with pool, range and liquidity; a position given away drops out", async () => {
    expect(await readV4Positions(client, uniswapV4.positionManager, alice), "none before").toEqual([]);
    await send(await planAlice("50", 0n, []));
    const [held, ...more] = await readV4Positions(client, uniswapV4.positionManager, alice);
    expect(more).toEqual([]);
    expect(held).toMatchObject({
      positionManager: uniswapV4.positionManager,
      poolId: uniswapV4.pools.WETH_USDC_3000.id,
      // The 0.3% pool's full range (spacing 60).
      tickLower: -887_220,
      tickUpper: 887_220,
    });
    expect(held?.liquidity).toBeGreaterThan(0n);

    await walletOf(chain, "alice").writeContract({
      address: uniswapV4.positionManager,
      abi: erc721Abi,
      functionName: "transferFrom",
      args: [alice, bob, held?.tokenId ?? 0n],
    });
    expect(await readV4Positions(client, uniswapV4.positionManager, alice), "given to bob").toEqual([]);
    expect((await readV4Positions(client, uniswapV4.positionManager, bob)).map(({ tokenId }) => tokenId)).toEqual([
      held?.tokenId,
    ]);
  });

  it("adds to a held position exactly what the plan previews, after the approval of that position", async () => {
    await send(await planAlice("50", 0n, []));
    const held = await readV4Positions(client, uniswapV4.positionManager, alice);
    const [position] = held;
    if (!position) throw new Error("alice holds no V4 position");
    const leg = await planAlice("100", position.tokenId, held);
    expect(leg.addsTo).toBe(position.tokenId);
    const result = await simulateMigration(client, {
      migrator,
      owner: alice,
      ...batchSimulation([leg], { signing: true }),
      deadline: 2n ** 40n,
      unwrapWeth: false,
    });
    const migration = result.migrations[0]?.migration;
    expect(migration?.tokenId, "the held position receives the liquidity").toBe(position.tokenId);
    await send(leg);
    const [after] = await readV4Positions(client, uniswapV4.positionManager, alice);
    expect(after?.liquidity, "grown by the simulated liquidity").toBe(
      position.liquidity + (migration?.liquidity ?? 0n),
    );
  });
});
