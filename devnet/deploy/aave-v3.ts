import { type Address, zeroAddress } from "viem";
import {
  RESERVE_FACTOR_BPS,
  RESERVES,
  type ReserveTokens,
  rayPercent,
  readReserveTokens,
  seedAaveLiquidity,
  usdPrice,
} from "./aave-reserves";
import { at, type Chain } from "./chain";
import { TOKENS, type TokenSymbol } from "./config";
import type { Tokens } from "./tokens";

const V3 = "@aave/core-v3/artifacts/contracts";
const artifact = (path: string) => `${V3}/${path}.json`;
export const AAVE_V3_POOL = artifact("protocol/pool/Pool.sol/Pool");
const CONFIGURATOR = artifact("protocol/pool/PoolConfigurator.sol/PoolConfigurator");

/**
 * Market rules Ferry's eligibility checks must respect, one of each kind:
 * caps (WBTC's supply cap is nearly reached), LINK is isolation-mode collateral, USDC and DAI form the
 * "Stablecoins" e-mode category and are borrowable in isolation, UNI is frozen.
 */
export const AAVE_V3_RULES = {
  supplyCaps: { WETH: 2_000, USDC: 5_000_000, DAI: 5_000_000, WBTC: 30, LINK: 100_000, UNI: 50_000 },
  borrowCaps: { WETH: 1_000, USDC: 4_000_000, DAI: 4_000_000, WBTC: 15 },
  isolated: { symbol: "LINK", debtCeilingUsd: 1_000_000 },
  borrowableInIsolation: ["USDC", "DAI"],
  eMode: { id: 1, ltv: 9700, liquidationThreshold: 9750, liquidationBonus: 10100, label: "Stablecoins" },
  eModeAssets: ["USDC", "DAI"],
  frozen: "UNI",
} as const satisfies {
  supplyCaps: Record<TokenSymbol, number>;
  borrowCaps: Partial<Record<TokenSymbol, number>>;
  isolated: { symbol: TokenSymbol; debtCeilingUsd: number };
  borrowableInIsolation: readonly TokenSymbol[];
  eModeAssets: readonly TokenSymbol[];
  frozen: TokenSymbol;
  eMode: object;
};

/** Supplied by the deployer, in USD; WBTC leaves 5 WBTC of room under its 30 WBTC cap. */
const LIQUIDITY_USD: Record<TokenSymbol, number> = {
  WETH: 3_000_000,
  USDC: 2_000_000,
  DAI: 2_000_000,
  WBTC: 1_500_000,
  LINK: 300_000,
  UNI: 100_000,
};

export interface AaveV3 {
  addressesProvider: Address;
  aclManager: Address;
  pool: Address;
  configurator: Address;
  oracle: Address;
  dataProvider: Address;
  reserves: Record<TokenSymbol, ReserveTokens>;
}

/** The Aave V3.0 market (core-v3 1.19.3: stable debt still present, `delegationWithSig` on debt tokens). */
export async function deployAaveV3(chain: Chain, deployer: Address, tokens: Tokens): Promise<AaveV3> {
  const provider = await chain.deploy(
    deployer,
    artifact("protocol/configuration/PoolAddressesProvider.sol/PoolAddressesProvider"),
    ["Aave devnet market", deployer],
  );
  await chain.write(deployer, provider, "setACLAdmin", [deployer]);
  const acl = await chain.deploy(deployer, artifact("protocol/configuration/ACLManager.sol/ACLManager"), [
    provider.address,
  ]);
  await chain.write(deployer, provider, "setACLManager", [acl.address]);
  await chain.write(deployer, acl, "addPoolAdmin", [deployer]);
  await chain.write(deployer, acl, "addEmergencyAdmin", [deployer]);

  const libraries: Record<string, Address> = {};
  const logic = (name: string) => artifact(`protocol/libraries/logic/${name}.sol/${name}`);
  for (const name of ["SupplyLogic", "BorrowLogic", "LiquidationLogic", "EModeLogic", "BridgeLogic", "PoolLogic"]) {
    libraries[name] = (await chain.deploy(deployer, logic(name))).address;
  }
  libraries.FlashLoanLogic = (await chain.deploy(deployer, logic("FlashLoanLogic"), [], libraries)).address;
  const poolImpl = await chain.deploy(deployer, AAVE_V3_POOL, [provider.address], libraries);
  await chain.write(deployer, poolImpl, "initialize", [provider.address]);
  await chain.write(deployer, provider, "setPoolImpl", [poolImpl.address]);

  const configuratorLogic = await chain.deploy(deployer, logic("ConfiguratorLogic"));
  const configuratorImpl = await chain.deploy(deployer, CONFIGURATOR, [], {
    ConfiguratorLogic: configuratorLogic.address,
  });
  await chain.write(deployer, configuratorImpl, "initialize", [provider.address]);
  await chain.write(deployer, provider, "setPoolConfiguratorImpl", [configuratorImpl.address]);
  const pool = at(await chain.read<Address>(provider, "getPool"), AAVE_V3_POOL);
  const configurator = at(await chain.read<Address>(provider, "getPoolConfigurator"), CONFIGURATOR);

  // Prices in USD with 8 decimals, as mainnet's AaveOracle reports them.
  const oracle = await chain.deploy(deployer, artifact("mocks/oracle/PriceOracle.sol/PriceOracle"));
  await chain.write(deployer, provider, "setPriceOracle", [oracle.address]);
  const dataProvider = await chain.deploy(
    deployer,
    artifact("misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider"),
    [provider.address],
  );
  await chain.write(deployer, provider, "setPoolDataProvider", [dataProvider.address]);

  const tokenization = (name: string) => artifact(`protocol/tokenization/${name}.sol/${name}`);
  const aTokenImpl = await chain.deploy(deployer, tokenization("AToken"), [pool.address]);
  const stableImpl = await chain.deploy(deployer, tokenization("StableDebtToken"), [pool.address]);
  const variableImpl = await chain.deploy(deployer, tokenization("VariableDebtToken"), [pool.address]);
  const strategy = await chain.deploy(
    deployer,
    artifact("protocol/pool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy"),
    [
      provider.address,
      rayPercent(80),
      0n,
      rayPercent(4),
      rayPercent(75),
      rayPercent(2),
      rayPercent(75),
      rayPercent(1),
      rayPercent(8),
      rayPercent(20),
    ],
  );

  const symbols = Object.keys(TOKENS) as TokenSymbol[];
  await chain.write(deployer, configurator, "initReserves", [
    symbols.map((symbol) => ({
      aTokenImpl: aTokenImpl.address,
      stableDebtTokenImpl: stableImpl.address,
      variableDebtTokenImpl: variableImpl.address,
      underlyingAssetDecimals: TOKENS[symbol].decimals,
      interestRateStrategyAddress: strategy.address,
      underlyingAsset: tokens[symbol],
      treasury: deployer,
      incentivesController: zeroAddress,
      aTokenName: `Aave Ethereum ${symbol}`,
      aTokenSymbol: `aEth${symbol}`,
      variableDebtTokenName: `Aave Ethereum Variable Debt ${symbol}`,
      variableDebtTokenSymbol: `variableDebtEth${symbol}`,
      stableDebtTokenName: `Aave Ethereum Stable Debt ${symbol}`,
      stableDebtTokenSymbol: `stableDebtEth${symbol}`,
      params: "0x",
    })),
  ]);

  const configure = (fn: string, args: readonly unknown[]) => chain.write(deployer, configurator, fn, args);
  for (const symbol of symbols) {
    const asset = tokens[symbol];
    const risk = RESERVES[symbol];
    await chain.write(deployer, oracle, "setAssetPrice", [asset, usdPrice(symbol, 8)]);
    await configure("configureReserveAsCollateral", [
      asset,
      risk.ltv,
      risk.liquidationThreshold,
      risk.liquidationBonus,
    ]);
    await configure("setReserveBorrowing", [asset, risk.borrowing]);
    if (risk.stableBorrowing) await configure("setReserveStableRateBorrowing", [asset, true]);
    await configure("setReserveFactor", [asset, RESERVE_FACTOR_BPS]);
    await configure("setReserveFlashLoaning", [asset, true]);
    await configure("setSupplyCap", [asset, AAVE_V3_RULES.supplyCaps[symbol]]);
    const borrowCap = (AAVE_V3_RULES.borrowCaps as Partial<Record<TokenSymbol, number>>)[symbol];
    if (borrowCap) await configure("setBorrowCap", [asset, borrowCap]);
  }
  const { isolated, eMode } = AAVE_V3_RULES;
  for (const symbol of AAVE_V3_RULES.borrowableInIsolation) {
    await configure("setBorrowableInIsolation", [tokens[symbol], true]);
  }
  // The debt ceiling has 2 decimals (USD cents).
  await configure("setDebtCeiling", [tokens[isolated.symbol], BigInt(isolated.debtCeilingUsd) * 100n]);
  await configure("setEModeCategory", [
    eMode.id,
    eMode.ltv,
    eMode.liquidationThreshold,
    eMode.liquidationBonus,
    zeroAddress,
    eMode.label,
  ]);
  for (const symbol of AAVE_V3_RULES.eModeAssets) await configure("setAssetEModeCategory", [tokens[symbol], eMode.id]);

  await seedAaveLiquidity(chain, pool, tokens, deployer, LIQUIDITY_USD);
  // Frozen last: a frozen reserve takes no new supply, existing positions stay.
  await configure("setReserveFreeze", [tokens[AAVE_V3_RULES.frozen], true]);

  return {
    addressesProvider: provider.address,
    aclManager: acl.address,
    pool: pool.address,
    configurator: configurator.address,
    oracle: oracle.address,
    dataProvider: dataProvider.address,
    reserves: await readReserveTokens(chain, dataProvider, tokens),
  };
}
