import {
  type Address,
  type Chain,
  createPublicClient,
  createTestClient,
  erc20Abi,
  http,
  type PublicClient,
} from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESERVES, usdPrice } from "../../devnet/deploy/aave-reserves";
import { AAVE_V3_RULES } from "../../devnet/deploy/aave-v3";
import { Chain as DevnetChain } from "../../devnet/deploy/chain";
import { TOKENS, type TokenSymbol } from "../../devnet/deploy/config";
import { DEMO_ACCOUNTS } from "../../devnet/deploy/demo-accounts";
import { type RunningChain, startWorld } from "../../devnet/world";
import { addressesFor } from "../chain/addresses";
import { toViemChain } from "../chain/config";
import { aaveV2LendingPoolAbi, aaveV3PoolAbi } from "../generated/abis";
import { calculateUserAccountData, healthFactorAfterMigration, MAX_UINT256 } from "./healthFactor";
import {
  type AaveV2Position,
  type AaveV2Reserve,
  readAaveV2Position,
  toMigratingReserve,
  toV2AccountReserve,
} from "./v2/positions";
import { eligibility, readV3Eligibility, type V3Eligibility } from "./v3/eligibility";

// The TypeScript reads and math against the real Aave V2 and V3 bytecode of the world.
let world: RunningChain;
let client: PublicClient;
let chain: Chain;
const addresses = addressesFor(31337);
const symbols = Object.keys(TOKENS) as TokenSymbol[];
const assets = symbols.map((symbol) => addresses.tokens[symbol]);

beforeAll(async () => {
  world = await startWorld();
  chain = toViemChain({ chainId: world.chainId, chainName: "world", rpcUrl: world.rpcUrl });
  client = createPublicClient({ chain, transport: http(), batch: { multicall: { deployless: true } } });
}, 120_000);

afterAll(() => world?.stop());

// One account at a time, as the page reads them: the client batches concurrent eth_calls into one deployless
// multicall, and three accounts' reads at once return more than a deployless call may (24 KiB).
const positions = async () => {
  const read: AaveV2Position[] = [];
  for (const name of DEMO_ACCOUNTS) read.push(await readAaveV2Position(client, addresses, addresses.accounts[name]));
  return read;
};

describe("readAaveV2Position on the world", () => {
  it("reads a position in one RPC request, and the V3 rules in another", async () => {
    let requests = 0;
    const counting = createPublicClient({
      chain,
      transport: http(world.rpcUrl, { onFetchRequest: () => void requests++ }),
      batch: { multicall: { deployless: true } },
    });
    await readAaveV2Position(counting, addresses, addresses.accounts.bob);
    expect(requests).toBe(1);
    await readV3Eligibility(counting, addresses, assets, addresses.accounts.bob);
    expect(requests).toBe(2);
  });

  it("finds supply only, supply with variable debt, supply with stable debt", async () => {
    const [alice, bob, carol] = (await positions()) as [AaveV2Position, AaveV2Position, AaveV2Position];
    const kinds = (position: AaveV2Position) =>
      position.reserves.map((r) => ({
        symbol: r.symbol,
        supplies: r.supplied > 0n,
        stable: r.stableDebt > 0n,
        variable: r.variableDebt > 0n,
      }));
    expect(kinds(alice)).toEqual([{ symbol: "WETH", supplies: true, stable: false, variable: false }]);
    expect(alice.account.healthFactor).toBe(MAX_UINT256);
    expect(kinds(bob).some((r) => r.variable) && !kinds(bob).some((r) => r.stable)).toBe(true);
    expect(kinds(carol).some((r) => r.stable) && !kinds(carol).some((r) => r.variable)).toBe(true);
  });

  it("prices each reserve with both oracles and values it in USD", async () => {
    for (const position of await positions()) {
      for (const reserve of position.reserves) {
        const symbol = reserve.symbol as TokenSymbol;
        expect(reserve.priceUsd, symbol).toBe(usdPrice(symbol, 8));
        expect(reserve.priceEth, symbol).toBe((usdPrice(symbol, 18) * 10n ** 18n) / usdPrice("WETH", 18));
        expect(reserve.decimals, symbol).toBe(TOKENS[symbol].decimals);
        const unit = 10n ** BigInt(reserve.decimals);
        expect(reserve.suppliedUsd).toBe((reserve.supplied * reserve.priceUsd) / unit);
        expect(reserve.debtUsd).toBe(((reserve.stableDebt + reserve.variableDebt) * reserve.priceUsd) / unit);
      }
    }
  });

  it("computes exactly the V2 pool's getUserAccountData, health factor included", async () => {
    for (const position of await positions()) {
      const mirrored = calculateUserAccountData(position.reserves.map(toV2AccountReserve));
      expect(mirrored, position.owner).toEqual({
        totalCollateral: position.account.totalCollateralEth,
        totalDebt: position.account.totalDebtEth,
        ltv: position.account.ltv,
        liquidationThreshold: position.account.liquidationThreshold,
        healthFactor: position.account.healthFactor,
      });
    }
  });
});

describe("readV3Eligibility on the world", () => {
  let v3: V3Eligibility;
  const reserveOf = (symbol: TokenSymbol) => {
    const reserve = v3.reserves.find((r) => r.asset === addresses.tokens[symbol]);
    if (!reserve) throw new Error(`no status for ${symbol}`);
    return reserve;
  };

  beforeAll(async () => {
    v3 = await readV3Eligibility(client, addresses, assets, addresses.accounts.alice);
  });

  it("reports each reserve's terms, caps, isolation and e-mode as the world configured them", () => {
    const { supplyCaps, borrowCaps, isolated, borrowableInIsolation, eMode, eModeAssets, frozen } = AAVE_V3_RULES;
    expect(v3.userEModeCategory).toBe(0);
    for (const symbol of symbols) {
      const reserve = reserveOf(symbol);
      const inEMode = (eModeAssets as readonly TokenSymbol[]).includes(symbol);
      expect(reserve, symbol).toMatchObject({
        symbol,
        exists: true,
        active: true,
        paused: false,
        frozen: symbol === frozen,
        decimals: TOKENS[symbol].decimals,
        ltv: BigInt(RESERVES[symbol].ltv),
        liquidationThreshold: BigInt(RESERVES[symbol].liquidationThreshold),
        liquidationBonus: BigInt(RESERVES[symbol].liquidationBonus),
        borrowingEnabled: RESERVES[symbol].borrowing,
        supplyCap: BigInt(supplyCaps[symbol]),
        borrowCap: BigInt((borrowCaps as Partial<Record<TokenSymbol, number>>)[symbol] ?? 0),
        debtCeiling: symbol === isolated.symbol ? BigInt(isolated.debtCeilingUsd) * 100n : 0n,
        borrowableInIsolation: (borrowableInIsolation as readonly TokenSymbol[]).includes(symbol),
        eModeCategory: inEMode ? eMode.id : 0,
        borrowableInUserEMode: true,
      });
      const unit = 10n ** BigInt(reserve.decimals);
      expect(reserve.totalSupplied, `${symbol} is seeded with liquidity`).toBeGreaterThan(0n);
      expect(reserve.supplyRoom, symbol).toBe(reserve.supplyCap * unit - reserve.totalSupplied);
    }
  });

  it("marks an address that is no reserve as missing", async () => {
    const pair = addresses.uniswapV2.pairs.WETH_USDC;
    const { reserves } = await readV3Eligibility(client, addresses, [pair]);
    expect(reserves[0]).toMatchObject({ asset: pair, symbol: "UNI-V2", exists: false });
  });

  it("tells which reserves a user in e-mode may borrow, from the reserves' categories on this V3.0 pool", async () => {
    const { eMode, eModeAssets } = AAVE_V3_RULES;
    const carol = addresses.accounts.carol;
    const devnet = new DevnetChain(world.rpcUrl);
    const v3Pool = { address: addresses.aaveV3.pool, abi: aaveV3PoolAbi };
    await devnet.write(carol, v3Pool, "setUserEMode", [eMode.id]);
    try {
      const inEMode = await readV3Eligibility(client, addresses, assets, carol);
      expect(inEMode.userEModeCategory).toBe(eMode.id);
      for (const reserve of inEMode.reserves) {
        const listed = (eModeAssets as readonly TokenSymbol[]).includes(reserve.symbol as TokenSymbol);
        expect(reserve.borrowableInUserEMode, reserve.symbol).toBe(listed);
      }
    } finally {
      await devnet.write(carol, v3Pool, "setUserEMode", [0]);
    }
  });

  it("blocks the frozen reserve and supply beyond the room under a cap", () => {
    const wbtc = reserveOf("WBTC");
    const room = wbtc.supplyRoom ?? 0n;
    const move = (symbol: TokenSymbol, supply: bigint) =>
      eligibility(v3, [{ asset: addresses.tokens[symbol], supply, borrow: 0n }])[0];
    expect(move(AAVE_V3_RULES.frozen, 1n)?.reason).toBe(
      `${AAVE_V3_RULES.frozen} is frozen on Aave V3: it cannot receive new supply or new borrowing.`,
    );
    expect(move("WBTC", room)?.ok).toBe(true);
    expect(move("WBTC", room + 1n)?.ok).toBe(false);
  });
});

describe("healthFactorAfterMigration on the world", () => {
  const bob = addresses.accounts.bob;
  const VARIABLE = 2n;

  /** The manual path Ferry replaces: repay on V2, withdraw from V2, supply to V3, borrow on V3. */
  async function migrateByHand(moves: { reserve: AaveV2Reserve; collateral: bigint; debt: bigint }[]) {
    // devnet.s Chain sends from the unlocked dev account, pads the gas estimate and throws on a revert.
    const devnet = new DevnetChain(world.rpcUrl);
    const v2Pool = { address: addresses.aaveV2.pool, abi: aaveV2LendingPoolAbi };
    const v3Pool = { address: addresses.aaveV3.pool, abi: aaveV3PoolAbi };
    const token = (asset: Address) => ({ address: asset, abi: erc20Abi });
    for (const { reserve, debt } of moves) {
      if (debt === 0n) continue;
      await devnet.write(bob, token(reserve.asset), "approve", [v2Pool.address, debt]);
      const rateMode = reserve.variableDebt > 0n ? VARIABLE : 1n;
      await devnet.write(bob, v2Pool, "repay", [reserve.asset, debt, rateMode, bob]);
    }
    for (const { reserve, collateral } of moves) {
      if (collateral === 0n) continue;
      await devnet.write(bob, v2Pool, "withdraw", [reserve.asset, collateral, bob]);
      await devnet.write(bob, token(reserve.asset), "approve", [v3Pool.address, collateral]);
      await devnet.write(bob, v3Pool, "supply", [reserve.asset, collateral, bob, 0]);
    }
    for (const { reserve, debt } of moves) {
      if (debt === 0n) continue;
      await devnet.write(bob, v3Pool, "borrow", [reserve.asset, debt, VARIABLE, 0, bob]);
    }
    const read = ({ address, abi }: typeof v2Pool | typeof v3Pool) =>
      client.readContract({ address, abi, functionName: "getUserAccountData", args: [bob] });
    return { v2: await read(v2Pool), v3: await read(v3Pool) };
  }

  /** Interest accrues from block to block between the prediction and each transaction: allow a millionth. */
  function expectClose(actual: bigint, predicted: bigint, what: string) {
    const difference = actual > predicted ? actual - predicted : predicted - actual;
    expect(difference, `${what}: ${actual} vs predicted ${predicted}`).toBeLessThanOrEqual(actual / 1_000_000n);
  }

  async function predictAndMigrate(share: (amount: bigint) => bigint) {
    // The world's last block is from when it was built: mine one now so the reads and the transactions are seconds apart.
    await createTestClient({ mode: "anvil", chain, transport: http(world.rpcUrl) }).mine({ blocks: 1 });
    const position = await readAaveV2Position(client, addresses, bob);
    const v3 = await readV3Eligibility(client, addresses, assets, bob);
    const moves = position.reserves.map((reserve) => ({
      reserve,
      collateral: share(reserve.supplied),
      debt: share(reserve.stableDebt + reserve.variableDebt),
    }));
    const predicted = healthFactorAfterMigration(
      moves.map(({ reserve, collateral, debt }) => {
        const terms = v3.reserves.find((r) => r.asset === reserve.asset);
        if (!terms) throw new Error(`no V3 status for ${reserve.symbol}`);
        return toMigratingReserve(reserve, terms, { collateral, debt });
      }),
      v3.userAccount,
    );
    const actual = await migrateByHand(moves);
    for (const market of ["v2", "v3"] as const) {
      const [collateral, debt, , threshold, , healthFactor] = actual[market];
      expectClose(collateral, predicted[market].totalCollateral, `${market} collateral`);
      expectClose(debt, predicted[market].totalDebt, `${market} debt`);
      expect(threshold, `${market} liquidation threshold`).toBe(predicted[market].liquidationThreshold);
      expectClose(healthFactor, predicted[market].healthFactor, `${market} health factor`);
    }
    return predicted;
  }

  it("predicts both markets' account data when bob moves half of his position by hand", async () => {
    const predicted = await predictAndMigrate((amount) => amount / 2n);
    expect(predicted.v2.totalDebt, "bob keeps debt on V2").toBeGreaterThan(0n);
  }, 60_000);

  it("adds what bob already has on V3 when he moves half of the rest", async () => {
    const v3Before = await readV3Eligibility(client, addresses, assets, bob);
    expect(v3Before.userAccount?.totalDebt, "bob has debt on V3 from the previous case").toBeGreaterThan(0n);
    await predictAndMigrate((amount) => amount / 2n);
  }, 60_000);
});
