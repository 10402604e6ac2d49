import { type Chain, type PublicClient, parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import type { AccountName } from "../../devnet/deploy/config";
import { withMigratorWorld } from "../../devnet/migratorWorld";
import type { RunningChain } from "../../devnet/world";
import { walletOf } from "../../devnet/worldClient";
import { MOVE_EVERYTHING } from "../aave/v2/selection";
import { addressesFor } from "../chain/addresses";
import { migratorAbi } from "../generated/abis";
import { aaveV2ToV3 } from "../routes/aaveV2ToV3";
import { batchSimulation } from "../routes/batch";
import { type Leg, legOf, signatureBook, typedDataOf } from "../routes/types";
import { uniswapV2ToV3 } from "../routes/uniswapV2ToV3";
import { DEFAULT_DRAFT } from "../routes/uniswapV2ToV3/draft";
import { uniswapV3ToV4 } from "../routes/uniswapV3ToV4";
import { DEFAULT_V3_TO_V4_DRAFT } from "../routes/uniswapV3ToV4/draft";
import { signingDeadline } from "../signing/requests";
import { readV3Pool } from "../uniswap/v3/pool";
import { candidatePoolKeys, poolCurrencies } from "../uniswap/v4/poolKey";
import { readV4Pools } from "../uniswap/v4/pools";
import { simulateMigration } from "./simulate";

// The preview's "Gas: up to …" against the receipt of the same migration, signed and sent as the page does it.
let world: RunningChain;
let migrator: `0x${string}`;
let chain: Chain;
let client: PublicClient;
const addresses = addressesFor(31337);

withMigratorWorld((started) => {
  ({ world, chain, client, migrator } = started);
});

async function uniswapLeg(name: AccountName, pair: `0x${string}`): Promise<Leg> {
  const positions = await uniswapV2ToV3.discover(client, world.chainId, addresses.accounts[name]);
  const position = positions.find((candidate) => candidate.pair === pair);
  if (!position) throw new Error(`${name} holds no LP in ${pair}`);
  const pool = await readV3Pool(
    client,
    addresses.uniswapV3,
    position.token0.address,
    position.token1.address,
    DEFAULT_DRAFT.fee,
  );
  const planned = uniswapV2ToV3.plan({
    position,
    draft: DEFAULT_DRAFT,
    pool,
    held: [],
    slippageBps: 50,
    chainId: world.chainId,
  });
  if (!planned.ok) throw new Error(planned.error);
  return legOf(uniswapV2ToV3, planned.plan, migrator);
}

async function aaveLeg(name: AccountName): Promise<Leg> {
  const sources = await aaveV2ToV3.discover(client, world.chainId, addresses.accounts[name]);
  if (!sources) throw new Error("the world's address book lists the Aave reserves");
  const planned = aaveV2ToV3.plan({ sources, minHealthFactor: parseUnits("1.1", 18), kept: MOVE_EVERYTHING });
  if (!planned.ok) throw new Error(planned.error);
  return legOf(aaveV2ToV3, planned.plan, migrator);
}

async function v3ToV4Leg(name: AccountName, tokenId: number): Promise<Leg> {
  const positions = await uniswapV3ToV4.discover(client, world.chainId, addresses.accounts[name]);
  const position = positions.find((candidate) => candidate.tokenId === BigInt(tokenId));
  if (!position) throw new Error(`${name} holds no V3 position #${tokenId}`);
  const draft = { ...DEFAULT_V3_TO_V4_DRAFT, destination: { ...DEFAULT_V3_TO_V4_DRAFT.destination, native: true } };
  const weth = addresses.tokens.WETH;
  const currencies = poolCurrencies(position.token0, position.token1, weth, true);
  const candidates = await readV4Pools(client, addresses.uniswapV4.stateView, candidatePoolKeys(currencies));
  const planned = uniswapV3ToV4.plan({ position, draft, candidates, weth, slippageBps: 50, held: [] });
  if (!planned.ok) throw new Error(planned.error);
  return legOf(uniswapV3ToV4, planned.plan, migrator);
}

/** The simulation before signing (as the page runs it), then the signed transaction's receipt. */
async function previewThenMigrate(name: AccountName, legsOf: () => Promise<Leg[]>) {
  const wallet = walletOf(chain, name);
  const owner = wallet.account.address;
  const legs = await legsOf();
  const simulate = (signing: boolean) =>
    simulateMigration(client, {
      migrator,
      owner,
      ...batchSimulation(legs, { signing }),
      deadline: 2n ** 40n,
      unwrapWeth: false,
    });
  const [withPlaceholders, withoutSignatures] = await Promise.all([simulate(true), simulate(false)]);

  const deadline = await signingDeadline(client);
  const context = { client, chainId: world.chainId, owner, migrator, deadline };
  const requests = (await Promise.all(legs.map((leg) => leg.signatureRequests(context)))).flat();
  const signatures: Record<string, `0x${string}`> = {};
  for (const item of requests) {
    signatures[item.key] = await wallet.signTypedData(typedDataOf(item));
  }
  const book = signatureBook(requests, signatures, deadline);
  const hash = await wallet.writeContract({
    address: migrator,
    abi: migratorAbi,
    functionName: "migrate",
    args: [legs.map((leg) => leg.encode(book)), deadline, false],
  });
  const receipt = await client.waitForTransactionReceipt({ hash });
  expect(receipt.status, "the signed migration succeeds").toBe("success");
  return { requests, withPlaceholders, withoutSignatures, used: receipt.gasUsed };
}

describe("the gas shown before signing is an upper bound of the signed migration's", () => {
  it.each([
    ["a V2 → V3 position", "alice", () => Promise.all([uniswapLeg("alice", addresses.uniswapV2.pairs.WETH_USDC)])],
    ["an Aave supply", "alice", () => Promise.all([aaveLeg("alice")])],
    [
      "a V3 → V4 position (NFT permit)",
      "alice",
      () => Promise.all([v3ToV4Leg("alice", addresses.uniswapV3.positions.alice_WETH_USDC_500)]),
    ],
    ["an Aave supply with debt", "bob", () => Promise.all([aaveLeg("bob")])],
    ["an Aave supply with stable debt", "carol", () => Promise.all([aaveLeg("carol")])],
    [
      "a mixed batch",
      "alice",
      () => Promise.all([aaveLeg("alice"), uniswapLeg("alice", addresses.uniswapV2.pairs.WETH_USDC)]),
    ],
  ] as const)("%s", async (_, name, legsOf) => {
    const { requests, withPlaceholders, withoutSignatures, used } = await previewThenMigrate(name, legsOf);
    expect(requests.length, "the migration is signed").toBeGreaterThan(0);
    expect(withPlaceholders.gasUpperBound, "bound covers the receipt").toBeGreaterThanOrEqual(used);
    // The bound stays useful: within the writes that placeholder signatures cannot run.
    expect(withPlaceholders.gasUpperBound - used, "bound is tight").toBeLessThan(BigInt(requests.length) * 45_000n);
    // The old figure, simulated with no signature at all, fell short: the cause this bound fixes.
    expect(withoutSignatures.gasUsed, "the unsigned simulation alone underestimates").toBeLessThan(used);
    console.log(
      `${name}: receipt ${used}, bound ${withPlaceholders.gasUpperBound} (+${withPlaceholders.gasUpperBound - used}), unsigned simulation ${withoutSignatures.gasUsed}`,
    );
  });
});
