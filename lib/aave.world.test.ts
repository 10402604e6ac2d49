import {
  type Chain,
  createPublicClient,
  createWalletClient,
  erc20Abi,
  type Hex,
  http,
  maxUint256,
  type PublicClient,
  parseAbi,
} from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESERVES, usdPrice } from "../devnet/deploy/aave-reserves";
import { AAVE_V3_RULES } from "../devnet/deploy/aave-v3";
import { TOKENS, type TokenSymbol } from "../devnet/deploy/config";
import { DEMO_ACCOUNTS } from "../devnet/deploy/demo-accounts";
import { type RunningChain, startWorld } from "../devnet/world";
import { type AaveV2Position, readAaveV2Position, toMigratingReserve, toV2AccountReserve } from "./aavePositions";
import { eligibility, readV3Eligibility, type V3Eligibility } from "./aaveV3Eligibility";
import { addressesFor } from "./addresses";
import { toViemChain } from "./chainConfig";
import { calculateUserAccountData, healthFactorAfterMigration, MAX_UINT256 } from "./healthFactor";

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

const positions = () =>
  Promise.all(DEMO_ACCOUNTS.map((name) => readAaveV2Position(client, addresses, addresses.accounts[name])));

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
  const v3PoolAbi = parseAbi([
    "function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode)",
    "function borrow(address asset, uint256 amount, uint256 interestRateMode, uint16 referralCode, address onBehalfOf)",
    "function getUserAccountData(address user) view returns (uint256 totalCollateralBase, uint256 totalDebtBase, uint256 availableBorrowsBase, uint256 currentLiquidationThreshold, uint256 ltv, uint256 healthFactor)",
  ]);

  it("predicts the V3 health factor bob gets by opening his V2 position on V3 (half of it), and what V2 keeps", async () => {
    const bob = addresses.accounts.bob;
    const position = await readAaveV2Position(client, addresses, bob);
    const { reserves } = await readV3Eligibility(client, addresses, assets);
    const half = position.reserves.map((reserve) => {
      const v3 = reserves.find((r) => r.asset === reserve.asset);
      if (!v3) throw new Error(`no V3 status for ${reserve.symbol}`);
      return toMigratingReserve(reserve, v3, {
        collateral: reserve.supplied / 2n,
        debt: (reserve.stableDebt + reserve.variableDebt) / 2n,
      });
    });
    const predicted = healthFactorAfterMigration(half);
    expect(predicted.v2.healthFactor).toBeLessThan(MAX_UINT256);

    // Do on V3 what the migration would: bob supplies the moved collateral and borrows the moved debt.
    const wallet = createWalletClient({ account: bob, chain, transport: http(world.rpcUrl) });
    const confirm = async (hash: Hex) =>
      expect((await client.waitForTransactionReceipt({ hash })).status).toBe("success");
    const pool = addresses.aaveV3.pool;
    for (const { asset, moved } of half.filter(({ moved }) => moved.collateral > 0n)) {
      await confirm(
        await wallet.writeContract({
          address: asset,
          abi: erc20Abi,
          functionName: "approve",
          args: [pool, maxUint256],
        }),
      );
      await confirm(
        await wallet.writeContract({
          address: pool,
          abi: v3PoolAbi,
          functionName: "supply",
          args: [asset, moved.collateral, bob, 0],
        }),
      );
    }
    for (const { asset, moved } of half.filter(({ moved }) => moved.debt > 0n)) {
      await confirm(
        await wallet.writeContract({
          address: pool,
          abi: v3PoolAbi,
          functionName: "borrow",
          args: [asset, moved.debt, 2n, 0, bob],
        }),
      );
    }
    const [collateral, debt, , threshold, , healthFactor] = await client.readContract({
      address: pool,
      abi: v3PoolAbi,
      functionName: "getUserAccountData",
      args: [bob],
    });
    expect(collateral).toBe(predicted.v3.totalCollateral);
    expect(threshold).toBe(predicted.v3.liquidationThreshold);
    // Interest accrues on the new debt from block to block: allow a millionth.
    const tolerance = (value: bigint) => value / 1_000_000n;
    expect(debt - predicted.v3.totalDebt).toBeGreaterThanOrEqual(0n);
    expect(debt - predicted.v3.totalDebt).toBeLessThanOrEqual(tolerance(debt));
    expect(predicted.v3.healthFactor - healthFactor).toBeGreaterThanOrEqual(0n);
    expect(predicted.v3.healthFactor - healthFactor).toBeLessThanOrEqual(tolerance(healthFactor));
  }, 60_000);
});
