import { createPublicClient, http, type PublicClient, parseUnits } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployFerry, scratchDeploymentFile } from "../../../devnet/deployFerry";
import { supplyOnAaveV2 } from "../../../devnet/market";
import { type RunningChain, startWorld } from "../../../devnet/world";
import { MAX_UINT256 } from "../../aave/healthFactor";
import { type KeptOnV2, MOVE_EVERYTHING, withMoving } from "../../aave/v2/selection";
import { addressesFor } from "../../chain/addresses";
import { toViemChain } from "../../chain/config";
import { MigrationRevert, simulateMigration } from "../../migrator/simulate";
import { batchSimulation } from "../batch";
import { legOf } from "../types";
import { aaveV2ToV3 } from ".";

// The plan of a chosen subset against the real Migrator and Aave bytecode: what the page allows is what the chain
// does, and what it blocks the chain refuses.
let world: RunningChain;
let client: PublicClient;
let migrator: `0x${string}`;
const addresses = addressesFor(31337);
const bob = addresses.accounts.bob;
const { WETH, USDC, DAI } = addresses.tokens;

beforeAll(async () => {
  world = await startWorld();
  migrator = (await deployFerry(world.rpcUrl, world.chainId, { recordTo: scratchDeploymentFile() })).migrator;
  const chain = toViemChain({ chainId: world.chainId, chainName: "world", rpcUrl: world.rpcUrl });
  client = createPublicClient({ chain, transport: http(), batch: { multicall: { deployless: true } } });
  // Bob supplies WETH and owes USDC in the world; he also supplies 4,000 DAI, so that a subset can stay behind.
  await supplyOnAaveV2(world.rpcUrl, { supplier: bob, symbol: "DAI", amount: parseUnits("4000", 18) });
}, 120_000);

afterAll(() => world?.stop());

/** Discovers, plans and simulates through the route's adapter, as the page does before anything is signed. */
async function planAndSimulate(kept: KeptOnV2) {
  const sources = await aaveV2ToV3.discover(client, world.chainId, bob);
  if (!sources) throw new Error("the world's address book lists the Aave reserves");
  const planned = aaveV2ToV3.plan({ sources, minHealthFactor: parseUnits("1.1", 18), kept });
  if (!planned.ok) throw new Error(planned.error);
  const { plan } = planned;
  const { timestamp } = await client.getBlock();
  const simulation = simulateMigration(client, {
    migrator,
    owner: bob,
    ...batchSimulation([legOf(aaveV2ToV3, plan, migrator)], { signing: false }),
    deadline: timestamp + 600n,
    unwrapWeth: false,
  });
  return { plan, simulation };
}

/** Interest accrues between the reads and the simulated block: allow a millionth. */
function expectClose(actual: bigint, predicted: bigint, what: string) {
  const difference = actual > predicted ? actual - predicted : predicted - actual;
  expect(difference, `${what}: ${actual} vs predicted ${predicted}`).toBeLessThanOrEqual(actual / 1_000_000n);
}

const keep = (...sides: [side: "supply" | "debt", asset: `0x${string}`][]) =>
  sides.reduce<KeptOnV2>((kept, [side, asset]) => withMoving(kept, side, asset, false), MOVE_EVERYTHING);

describe("the Aave V2 → V3 adapter's plan of a subset, against the Migrator on the world", () => {
  it("moves WETH and the USDC debt, leaving the DAI supply: both health factors as predicted", async () => {
    const { plan, simulation } = await planAndSimulate(keep(["supply", DAI]));
    expect(plan.sendable).toBe(true);
    const [moved] = (await simulation).lendingMigrations;
    expect(moved?.collateralAssets).toEqual([WETH]);
    expect(moved?.debtAssets).toEqual([USDC]);
    expect(moved?.sourceHealthFactorAfter, "V2 keeps DAI and no debt").toBe(MAX_UINT256);
    expect(plan.after.v2.healthFactor).toBe(MAX_UINT256);
    expectClose(moved?.destinationHealthFactorAfter ?? 0n, plan.after.v3.healthFactor, "V3 health factor");
  });

  it("moves only the DAI supply, leaving the debt on V2 where WETH still covers it", async () => {
    const { plan, simulation } = await planAndSimulate(keep(["supply", WETH], ["debt", USDC]));
    expect(plan.sendable).toBe(true);
    const [moved] = (await simulation).lendingMigrations;
    expect(moved?.collateralAssets).toEqual([DAI]);
    expect(moved?.debtAssets).toEqual([]);
    expect(plan.after.v2.healthFactor).toBeLessThan(MAX_UINT256);
    expectClose(moved?.sourceHealthFactorAfter ?? 0n, plan.after.v2.healthFactor, "V2 health factor");
  });

  it("blocks what the chain refuses: collateral without its debt, debt without collateral", async () => {
    for (const kept of [keep(["debt", USDC]), keep(["supply", WETH], ["supply", DAI])]) {
      const { plan, simulation } = await planAndSimulate(kept);
      expect(plan.problem, JSON.stringify(kept)).toBeDefined();
      expect(plan.sendable).toBe(false);
      await expect(simulation, JSON.stringify(kept)).rejects.toBeInstanceOf(MigrationRevert);
    }
  });
});
