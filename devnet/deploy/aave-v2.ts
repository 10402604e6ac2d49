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
import type { TokenSymbol } from "./config";
import { TOKENS } from "./config";
import type { Tokens } from "./tokens";

const V2 = "@aave/protocol-v2/artifacts/contracts";
const artifact = (path: string) => `${V2}/${path}.json`;
export const AAVE_V2_POOL = artifact("protocol/lendingpool/LendingPool.sol/LendingPool");

/** What the deployer supplies to each reserve, in USD. */
const LIQUIDITY_USD: Record<TokenSymbol, number> = {
  WETH: 3_000_000,
  USDC: 2_000_000,
  DAI: 2_000_000,
  WBTC: 1_200_000,
  LINK: 300_000,
  UNI: 100_000,
};

export interface AaveV2 {
  addressesProvider: Address;
  pool: Address;
  configurator: Address;
  collateralManager: Address;
  oracle: Address;
  lendingRateOracle: Address;
  dataProvider: Address;
  reserves: Record<TokenSymbol, ReserveTokens>;
}

/** The Aave V2 market: the pre-launch 1.0.1 code, whose user-facing LendingPool API equals mainnet's. */
export async function deployAaveV2(chain: Chain, deployer: Address, tokens: Tokens): Promise<AaveV2> {
  const provider = await chain.deploy(
    deployer,
    artifact("protocol/configuration/LendingPoolAddressesProvider.sol/LendingPoolAddressesProvider"),
    ["Aave devnet market"],
  );
  await chain.write(deployer, provider, "setPoolAdmin", [deployer]);
  await chain.write(deployer, provider, "setEmergencyAdmin", [deployer]);

  const logic = (name: string) => artifact(`protocol/libraries/logic/${name}.sol/${name}`);
  const reserveLogic = await chain.deploy(deployer, logic("ReserveLogic"));
  const genericLogic = await chain.deploy(deployer, logic("GenericLogic"));
  const validationLogic = await chain.deploy(deployer, logic("ValidationLogic"), [], {
    GenericLogic: genericLogic.address,
  });
  const poolImpl = await chain.deploy(deployer, AAVE_V2_POOL, [], {
    ReserveLogic: reserveLogic.address,
    ValidationLogic: validationLogic.address,
  });
  await chain.write(deployer, provider, "setLendingPoolImpl", [poolImpl.address]);
  const configuratorPath = artifact("protocol/lendingpool/LendingPoolConfigurator.sol/LendingPoolConfigurator");
  const configuratorImpl = await chain.deploy(deployer, configuratorPath);
  await chain.write(deployer, provider, "setLendingPoolConfiguratorImpl", [configuratorImpl.address]);
  const collateralManager = await chain.deploy(
    deployer,
    artifact("protocol/lendingpool/LendingPoolCollateralManager.sol/LendingPoolCollateralManager"),
  );
  await chain.write(deployer, provider, "setLendingPoolCollateralManager", [collateralManager.address]);

  const pool = at(await chain.read<Address>(provider, "getLendingPool"), AAVE_V2_POOL);
  const configurator = at(await chain.read<Address>(provider, "getLendingPoolConfigurator"), configuratorPath);

  // V2 prices are in ETH wei; the lending rate oracle seeds the stable borrow rate.
  const oracle = await chain.deploy(deployer, artifact("mocks/oracle/PriceOracle.sol/PriceOracle"));
  const rateOracle = await chain.deploy(deployer, artifact("mocks/oracle/LendingRateOracle.sol/LendingRateOracle"));
  await chain.write(deployer, provider, "setPriceOracle", [oracle.address]);
  await chain.write(deployer, provider, "setLendingRateOracle", [rateOracle.address]);
  await chain.write(deployer, oracle, "setEthUsdPrice", [usdPrice("WETH", 8)]);
  const dataProvider = await chain.deploy(
    deployer,
    artifact("misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider"),
    [provider.address],
  );
  const strategy = await chain.deploy(
    deployer,
    artifact("protocol/lendingpool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy"),
    [provider.address, rayPercent(80), 0n, rayPercent(4), rayPercent(75), rayPercent(2), rayPercent(75)],
  );

  for (const symbol of Object.keys(TOKENS) as TokenSymbol[]) {
    const asset = tokens[symbol];
    const risk = RESERVES[symbol];
    await chain.write(deployer, oracle, "setAssetPrice", [
      asset,
      (usdPrice(symbol, 18) * 10n ** 18n) / usdPrice("WETH", 18),
    ]);
    await chain.write(deployer, rateOracle, "setMarketBorrowRate", [asset, rayPercent(3)]);
    const tokenArgs = (kind: string) => [pool.address, asset, `${kind}${symbol}`, `${kind}${symbol}`, zeroAddress];
    const aToken = await chain.deploy(deployer, artifact("protocol/tokenization/AToken.sol/AToken"), [
      pool.address,
      asset,
      deployer, // treasury
      `Aave interest bearing ${symbol}`,
      `a${symbol}`,
      zeroAddress,
    ]);
    const stable = await chain.deploy(
      deployer,
      artifact("protocol/tokenization/StableDebtToken.sol/StableDebtToken"),
      tokenArgs("stableDebt"),
    );
    const variable = await chain.deploy(
      deployer,
      artifact("protocol/tokenization/VariableDebtToken.sol/VariableDebtToken"),
      tokenArgs("variableDebt"),
    );
    await chain.write(deployer, configurator, "initReserve", [
      aToken.address,
      stable.address,
      variable.address,
      TOKENS[symbol].decimals,
      strategy.address,
    ]);
    await chain.write(deployer, configurator, "configureReserveAsCollateral", [
      asset,
      risk.ltv,
      risk.liquidationThreshold,
      risk.liquidationBonus,
    ]);
    if (risk.borrowing)
      await chain.write(deployer, configurator, "enableBorrowingOnReserve", [asset, risk.stableBorrowing]);
    await chain.write(deployer, configurator, "setReserveFactor", [asset, RESERVE_FACTOR_BPS]);
  }

  await seedAaveLiquidity(chain, pool, tokens, deployer, LIQUIDITY_USD);

  return {
    addressesProvider: provider.address,
    pool: pool.address,
    configurator: configurator.address,
    collateralManager: collateralManager.address,
    oracle: oracle.address,
    lendingRateOracle: rateOracle.address,
    dataProvider: dataProvider.address,
    reserves: await readReserveTokens(chain, dataProvider, tokens),
  };
}
