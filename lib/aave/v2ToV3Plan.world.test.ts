import { createPublicClient, http, type PublicClient, parseUnits } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployFerry, scratchDeploymentFile } from "../../devnet/deployFerry";
import { supplyOnAaveV2 } from "../../devnet/market";
import { type RunningChain, startWorld } from "../../devnet/world";
import { addressesFor } from "../chain/addresses";
import { toViemChain } from "../chain/config";
import { MigrationRevert, simulateMigration } from "../migrator/simulate";
import { MAX_UINT256 } from "./healthFactor";
import { readAaveV2Position } from "./v2/positions";
import { type KeptOnV2, MOVE_EVERYTHING, withMoving } from "./v2/selection";
import { aaveSimulation, planAaveMigration } from "./v2ToV3Plan";
import { readV3Eligibility } from "./v3/eligibility";

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

async function planAndSimulate(kept: KeptOnV2) {
  const position = await readAaveV2Position(client, addresses, bob);
  const v3 = await readV3Eligibility(
    client,
    addresses,
    position.reserves.map((r) => r.asset),
    bob,
  );
  const plan = planAaveMigration(
    position,
    v3,
    parseUnits("1.1", 18),
    (symbol) => addresses.aaveV3.reserves[symbol as keyof typeof addresses.aaveV3.reserves].variableDebtToken,
    kept,
  );
  const { timestamp } = await client.getBlock();
  const simulation = simulateMigration(client, {
    migrator,
    owner: bob,
    ...aaveSimulation(plan, migrator),
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

describe("planAaveMigration of a subset, against the Migrator on the world", () => {
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
