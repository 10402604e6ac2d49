import type { Address, ContractFunctionParameters, PublicClient } from "viem";
import { aaveV2DataProviderAbi, aaveV2LendingPoolAbi, aaveV2OracleAbi, aaveV3OracleAbi } from "../../generated/abis";
import type { ReserveRates } from "../apy";
import type { AccountReserve, MigratingReserve } from "../healthFactor";

export interface AaveReserveTokens {
  aToken: Address;
  stableDebtToken: Address;
  variableDebtToken: Address;
}

/** What the reads need from lib/addresses.json: V2's reserves by symbol, and V3's oracle for USD prices. */
export interface AaveAddresses {
  tokens: Record<string, Address>;
  aaveV2: { pool: Address; dataProvider: Address; oracle: Address; reserves: Record<string, AaveReserveTokens> };
  aaveV3: { oracle: Address };
}

/** One reserve the user supplies to or borrows from on Aave V2. Amounts in token units; risk terms in bps. */
export interface AaveV2Reserve {
  asset: Address;
  symbol: string;
  decimals: number;
  tokens: AaveReserveTokens;
  supplied: bigint;
  stableDebt: bigint;
  variableDebt: bigint;
  usedAsCollateral: boolean;
  ltv: bigint;
  liquidationThreshold: bigint;
  /** The reserve's current V2 rates (for everyone, not this account). */
  rates: ReserveRates;
  /** Aave V2 oracle: ETH wei per whole token. */
  priceEth: bigint;
  /** Aave V3 oracle: USD per whole token, 8 decimals. */
  priceUsd: bigint;
  /** USD with 8 decimals, rounded down as Aave does. */
  suppliedUsd: bigint;
  debtUsd: bigint;
}

/** The V2 pool's own summary (getUserAccountData), in ETH wei; thresholds in bps, health factor in WAD. */
export interface AaveV2AccountData {
  totalCollateralEth: bigint;
  totalDebtEth: bigint;
  availableBorrowsEth: bigint;
  liquidationThreshold: bigint;
  ltv: bigint;
  healthFactor: bigint;
}

export interface AaveV2Position {
  owner: Address;
  /** Only reserves with a supply or a debt. */
  reserves: AaveV2Reserve[];
  account: AaveV2AccountData;
}

const CALLS_PER_RESERVE = 5;

/** The owner's Aave V2 position in one multicall: per configured reserve its balances, terms and both prices. */
export async function readAaveV2Position(
  client: PublicClient,
  addresses: AaveAddresses,
  owner: Address,
): Promise<AaveV2Position> {
  const { pool, dataProvider, oracle, reserves } = addresses.aaveV2;
  const symbols = Object.keys(reserves);
  const assetOf = (symbol: string) => {
    const asset = addresses.tokens[symbol];
    if (!asset) throw new Error(`Aave V2 reserve ${symbol} has no token address in addresses.tokens`);
    return asset;
  };
  const reserveCalls = symbols.flatMap((symbol): ContractFunctionParameters[] => {
    const asset = assetOf(symbol);
    return [
      { address: dataProvider, abi: aaveV2DataProviderAbi, functionName: "getUserReserveData", args: [asset, owner] },
      { address: dataProvider, abi: aaveV2DataProviderAbi, functionName: "getReserveConfigurationData", args: [asset] },
      { address: dataProvider, abi: aaveV2DataProviderAbi, functionName: "getReserveData", args: [asset] },
      // Same getAssetPrice on both oracles: V2 answers in ETH wei, V3 in USD with 8 decimals.
      { address: oracle, abi: aaveV2OracleAbi, functionName: "getAssetPrice", args: [asset] },
      { address: addresses.aaveV3.oracle, abi: aaveV3OracleAbi, functionName: "getAssetPrice", args: [asset] },
    ] as const;
  });
  const accountCall: ContractFunctionParameters = {
    address: pool,
    abi: aaveV2LendingPoolAbi,
    functionName: "getUserAccountData",
    args: [owner],
  };
  const [accountData, ...results] = await client.multicall({
    allowFailure: false,
    batchSize: 0, // one request, however many reserves
    contracts: [accountCall, ...reserveCalls],
  });

  const positions = symbols.map((symbol, i): AaveV2Reserve => {
    const [user, config, reserveData, priceEth, priceUsd] = results.slice(
      CALLS_PER_RESERVE * i,
      CALLS_PER_RESERVE * (i + 1),
    ) as [
      readonly [bigint, bigint, bigint, bigint, bigint, bigint, bigint, number, boolean],
      readonly [bigint, bigint, bigint, bigint, bigint, boolean, boolean, boolean, boolean, boolean],
      readonly [bigint, bigint, bigint, bigint, bigint, ...unknown[]],
      bigint,
      bigint,
    ];
    const [supplied, stableDebt, variableDebt, , , , , , usedAsCollateral] = user;
    const [decimals, ltv, liquidationThreshold] = config;
    const unit = 10n ** decimals;
    return {
      asset: assetOf(symbol),
      symbol,
      decimals: Number(decimals),
      tokens: reserves[symbol] as AaveReserveTokens,
      supplied,
      stableDebt,
      variableDebt,
      usedAsCollateral,
      ltv,
      liquidationThreshold,
      rates: { supply: reserveData[3], variableBorrow: reserveData[4] },
      priceEth,
      priceUsd,
      suppliedUsd: (supplied * priceUsd) / unit,
      debtUsd: ((stableDebt + variableDebt) * priceUsd) / unit,
    };
  });

  const [totalCollateralEth, totalDebtEth, availableBorrowsEth, liquidationThreshold, ltv, healthFactor] =
    accountData as readonly [bigint, bigint, bigint, bigint, bigint, bigint];
  return {
    owner,
    reserves: positions.filter((r) => r.supplied > 0n || r.stableDebt > 0n || r.variableDebt > 0n),
    account: { totalCollateralEth, totalDebtEth, availableBorrowsEth, liquidationThreshold, ltv, healthFactor },
  };
}

/** A reserve as V2's GenericLogic sees it, for calculateUserAccountData. */
export function toV2AccountReserve(reserve: AaveV2Reserve): AccountReserve {
  return {
    collateral: reserve.supplied,
    debt: reserve.stableDebt + reserve.variableDebt,
    decimals: reserve.decimals,
    price: reserve.priceEth,
    ltv: reserve.ltv,
    liquidationThreshold: reserve.liquidationThreshold,
    usedAsCollateral: reserve.usedAsCollateral,
  };
}

/** A reserve with the share of it moved and the V3 terms of its asset, for healthFactorAfterMigration. */
export function toMigratingReserve(
  reserve: AaveV2Reserve,
  v3Terms: { ltv: bigint; liquidationThreshold: bigint },
  moved: { collateral: bigint; debt: bigint },
): MigratingReserve {
  const { decimals, ...v2 } = toV2AccountReserve(reserve);
  return {
    asset: reserve.asset,
    decimals,
    v2,
    v3: { price: reserve.priceUsd, ltv: v3Terms.ltv, liquidationThreshold: v3Terms.liquidationThreshold },
    moved,
  };
}
