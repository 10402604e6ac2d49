import { type Address, type ContractFunctionParameters, erc20Abi, type PublicClient, zeroAddress } from "viem";
import { formatAmount } from "../../format";
import { aaveV3DataProviderAbi, aaveV3PoolAbi, iAaveV3PoolAbi } from "../../generated/abis";
import { NO_RATES, type ReserveRates } from "../apy";
import type { UserAccountData } from "../healthFactor";

// ReserveConfiguration packs a reserve's terms into one uint256; these getters mirror its own. The bits read here are
// the same in every V3 version but one: the e-mode category (168–175) exists only up to V3.1 (core-v3 1.19.3 is V3.0);
// from V3.2 on those bits are unused and each e-mode category lists its borrowable reserves in a bitmap instead.
const bits = (data: bigint, start: number, width: number) => (data >> BigInt(start)) & ((1n << BigInt(width)) - 1n);
const flag = (data: bigint, bit: number) => bits(data, bit, 1) === 1n;

/** ReserveConfiguration.getParams: risk terms in bps, decimals, reserve factor, e-mode category (V3.0/V3.1 only). */
export function getParams(data: bigint) {
  return {
    ltv: bits(data, 0, 16),
    liquidationThreshold: bits(data, 16, 16),
    liquidationBonus: bits(data, 32, 16),
    decimals: Number(bits(data, 48, 8)),
    reserveFactor: bits(data, 64, 16),
    eModeCategory: Number(bits(data, 168, 8)),
  };
}

/** ReserveConfiguration.getFlags. */
export function getFlags(data: bigint) {
  return {
    active: flag(data, 56),
    frozen: flag(data, 57),
    borrowingEnabled: flag(data, 58),
    stableBorrowingEnabled: flag(data, 59),
    paused: flag(data, 60),
  };
}

/** ReserveConfiguration.getCaps: in whole tokens, 0 meaning no cap. */
export function getCaps(data: bigint) {
  return { borrowCap: bits(data, 80, 36), supplyCap: bits(data, 116, 36) };
}

/** ReserveConfiguration.getDebtCeiling: USD with 2 decimals; above 0 the asset is isolation-mode collateral. */
export const getDebtCeiling = (data: bigint) => bits(data, 212, 40);
export const getBorrowableInIsolation = (data: bigint) => flag(data, 61);
const DEBT_CEILING_DECIMALS = 2;

/**
 * A user's e-mode as the borrow check needs it: their category (0 = none) and, on V3.2+ pools, the category's
 * `getEModeCategoryBorrowableBitmap` (bit `reserve.id` set = borrowable); undefined on V3.0/V3.1, which have no such getter.
 */
export interface UserEMode {
  category: number;
  borrowableBitmap: bigint | undefined;
}

/**
 * Whether a user in `eMode` may borrow the reserve with configuration `data` and id `reserveId`, as the pool's
 * `ValidationLogic.validateBorrow` decides it in its version (AaveV3ReserveRules.borrowableInEMode).
 */
export function borrowableInEMode(data: bigint, reserveId: number, eMode: UserEMode): boolean {
  if (eMode.category === 0) return true;
  if (eMode.borrowableBitmap !== undefined) return bits(eMode.borrowableBitmap, reserveId, 1) === 1n;
  return getParams(data).eModeCategory === eMode.category;
}

/** The borrowable bitmap of e-mode `category` on a V3.2+ pool; undefined on V3.0/V3.1, where the getter is missing. */
async function readBorrowableBitmap(client: PublicClient, pool: Address, category: number) {
  try {
    return await client.readContract({
      address: pool,
      abi: iAaveV3PoolAbi,
      functionName: "getEModeCategoryBorrowableBitmap",
      args: [category],
    });
  } catch {
    return undefined;
  }
}

const RAY = 10n ** 27n;
const rayMul = (a: bigint, b: bigint) => (a * b + RAY / 2n) / RAY;

/** One asset's reserve on Aave V3. Caps in whole tokens (0 = none); supply, debt and room in token units. */
export interface V3ReserveStatus {
  asset: Address;
  symbol: string;
  exists: boolean;
  /** The reserve's current V3 rates (zero when it does not exist). */
  rates: ReserveRates;
  active: boolean;
  frozen: boolean;
  paused: boolean;
  borrowingEnabled: boolean;
  borrowableInIsolation: boolean;
  decimals: number;
  ltv: bigint;
  liquidationThreshold: bigint;
  liquidationBonus: bigint;
  /** The reserve's e-mode category on V3.0/V3.1 (0 = none, and always 0 on V3.2+). */
  eModeCategory: number;
  /** Whether the user's e-mode category lets them borrow it (true outside e-mode, or when no user is given). */
  borrowableInUserEMode: boolean;
  supplyCap: bigint;
  /** aToken supply plus the treasury's accrued share, as the supply-cap check counts it. */
  totalSupplied: bigint;
  /** Left under the supply cap; undefined when uncapped. */
  supplyRoom: bigint | undefined;
  borrowCap: bigint;
  totalDebt: bigint;
  borrowRoom: bigint | undefined;
  /** USD with 2 decimals; 0 when the asset is not isolated. */
  debtCeiling: bigint;
  isolationModeTotalDebt: bigint;
}

export interface V3Eligibility {
  /** The user's e-mode category on V3 (0 = none, or no user given). */
  userEModeCategory: number;
  /** What the user already has on V3 (USD, 8 decimals), when a user is given. */
  userAccount?: UserAccountData;
  reserves: V3ReserveStatus[];
}

const room = (capWholeTokens: bigint, decimals: number, current: bigint) => {
  if (capWholeTokens === 0n) return undefined;
  const cap = capWholeTokens * 10n ** BigInt(decimals);
  return cap > current ? cap - current : 0n;
};

type PoolReserveData = {
  configuration: { data: bigint };
  liquidityIndex: bigint;
  currentLiquidityRate: bigint;
  currentVariableBorrowRate: bigint;
  id: number;
  aTokenAddress: Address;
  isolationModeTotalDebt: bigint;
};
type DataProviderReserveData = readonly [bigint, bigint, bigint, bigint, bigint, ...unknown[]];

/**
 * The V3 reserves of `assets` in one multicall: the pool's reserve data (configuration, isolation debt) and the data
 * provider's totals, plus the user's e-mode category and account data when `user` is given (and, for a user in e-mode on
 * a V3.2+ pool, one more read: the category's borrowable bitmap). A missing reserve reads as `exists: false`.
 */
export async function readV3Eligibility(
  client: PublicClient,
  addresses: { aaveV3: { pool: Address; dataProvider: Address } },
  assets: readonly Address[],
  user?: Address,
): Promise<V3Eligibility> {
  const { pool, dataProvider } = addresses.aaveV3;
  const CALLS_PER_ASSET = 3;
  const calls = assets.flatMap((asset): ContractFunctionParameters[] => [
    { address: pool, abi: aaveV3PoolAbi, functionName: "getReserveData", args: [asset] },
    { address: dataProvider, abi: aaveV3DataProviderAbi, functionName: "getReserveData", args: [asset] },
    { address: asset, abi: erc20Abi, functionName: "symbol" },
  ]);
  if (user) {
    calls.push(
      { address: pool, abi: aaveV3PoolAbi, functionName: "getUserEMode", args: [user] },
      { address: pool, abi: aaveV3PoolAbi, functionName: "getUserAccountData", args: [user] },
    );
  }
  // A missing reserve makes the data provider revert (its token addresses are zero): failures are allowed.
  const results = await client.multicall({ contracts: calls, allowFailure: true, batchSize: 0 });
  const value = <T>(index: number): T | undefined => {
    const result = results[index];
    return result?.status === "success" ? (result.result as T) : undefined;
  };

  const userEMode: UserEMode = {
    category: Number(value<bigint>(CALLS_PER_ASSET * assets.length) ?? 0n),
    borrowableBitmap: undefined,
  };
  if (user && userEMode.category !== 0) {
    userEMode.borrowableBitmap = await readBorrowableBitmap(client, pool, userEMode.category);
  }

  const reserves = assets.map((asset, i): V3ReserveStatus => {
    const reserve = value<PoolReserveData>(CALLS_PER_ASSET * i);
    const totals = value<DataProviderReserveData>(CALLS_PER_ASSET * i + 1);
    const symbol = value<string>(CALLS_PER_ASSET * i + 2) ?? asset;
    const data = reserve?.configuration.data ?? 0n;
    const params = getParams(data);
    const caps = getCaps(data);
    const [, accruedToTreasuryScaled = 0n, totalAToken = 0n, totalStableDebt = 0n, totalVariableDebt = 0n] =
      totals ?? [];
    const totalSupplied = totalAToken + rayMul(accruedToTreasuryScaled, reserve?.liquidityIndex ?? 0n);
    const totalDebt = totalStableDebt + totalVariableDebt;
    const { active, frozen, paused, borrowingEnabled } = getFlags(data);
    return {
      asset,
      symbol,
      exists: reserve !== undefined && reserve.aTokenAddress !== zeroAddress,
      rates: reserve
        ? { supply: reserve.currentLiquidityRate, variableBorrow: reserve.currentVariableBorrowRate }
        : NO_RATES,
      active,
      frozen,
      paused,
      borrowingEnabled,
      borrowableInIsolation: getBorrowableInIsolation(data),
      decimals: params.decimals,
      ltv: params.ltv,
      liquidationThreshold: params.liquidationThreshold,
      liquidationBonus: params.liquidationBonus,
      eModeCategory: params.eModeCategory,
      borrowableInUserEMode: borrowableInEMode(data, reserve?.id ?? 0, userEMode),
      supplyCap: caps.supplyCap,
      totalSupplied,
      supplyRoom: room(caps.supplyCap, params.decimals, totalSupplied),
      borrowCap: caps.borrowCap,
      totalDebt,
      borrowRoom: room(caps.borrowCap, params.decimals, totalDebt),
      debtCeiling: getDebtCeiling(data),
      isolationModeTotalDebt: reserve?.isolationModeTotalDebt ?? 0n,
    };
  });
  if (!user) return { userEModeCategory: 0, reserves };
  const account = value<readonly bigint[]>(CALLS_PER_ASSET * assets.length + 1);
  if (!account) return { userEModeCategory: userEMode.category, reserves };
  const [totalCollateral = 0n, totalDebt = 0n, , liquidationThreshold = 0n, ltv = 0n, healthFactor = 0n] = account;
  return {
    userEModeCategory: userEMode.category,
    reserves,
    userAccount: { totalCollateral, totalDebt, liquidationThreshold, ltv, healthFactor },
  };
}

/** What a migration would add on V3 per asset, in token units: supply (collateral moved) and borrow (debt moved). */
export interface MigrationAmount {
  asset: Address;
  supply: bigint;
  borrow: bigint;
}

export interface EligibilityCheck {
  asset: Address;
  symbol: string;
  ok: boolean;
  reason: string;
}

const usd = (cents: bigint) =>
  `$${(Number(cents) / 10 ** DEBT_CEILING_DECIMALS).toLocaleString("en-US", { maximumFractionDigits: 2 })}`;

/** Debt in the debt ceiling's unit (USD cents), as ValidationLogic counts it: the amount cut to 2 decimals. */
const inCeilingUnits = (amount: bigint, decimals: number) => amount / 10n ** BigInt(decimals - DEBT_CEILING_DECIMALS);

/**
 * Why each asset can or cannot move to Aave V3, as sentences: one row per finding, or one "ok" row when there is
 * none. Rows with `ok: false` make the migration revert; rows with `ok: true` and a caveat explain a restriction.
 * Collateral the user already has on V3 (`userAccount`) counts for isolation mode.
 */
export function eligibility(v3: V3Eligibility, amounts: readonly MigrationAmount[]): EligibilityCheck[] {
  const statusOf = new Map(v3.reserves.map((status) => [status.asset.toLowerCase(), status]));
  const moving = amounts
    .filter(({ supply, borrow }) => supply > 0n || borrow > 0n)
    .map((amount) => ({ amount, status: statusOf.get(amount.asset.toLowerCase()) }));
  const existingCollateral = (v3.userAccount?.totalCollateral ?? 0n) > 0n ? 1 : 0;
  const collateralCount = moving.filter(({ amount }) => amount.supply > 0n).length + existingCollateral;
  const debts = moving.filter(({ amount }) => amount.borrow > 0n);

  return moving.flatMap(({ amount, status }): EligibilityCheck[] => {
    const { asset, supply, borrow } = amount;
    if (!status?.exists) {
      const symbol = status?.symbol ?? asset;
      return [{ asset, symbol, ok: false, reason: `${symbol} is not listed on Aave V3, so it cannot move there.` }];
    }
    const { symbol, decimals } = status;
    const fmt = (value: bigint) => `${formatAmount(value, decimals)} ${symbol}`;
    const row = (ok: boolean, reason: string): EligibilityCheck => ({ asset, symbol, ok, reason });

    if (!status.active) return [row(false, `${symbol} is not active on Aave V3: it takes no supply or borrowing.`)];
    if (status.paused) {
      return [row(false, `${symbol} is paused on Aave V3: supply, borrowing and withdrawals are stopped for now.`)];
    }
    if (status.frozen) {
      return [row(false, `${symbol} is frozen on Aave V3: it cannot receive new supply or new borrowing.`)];
    }

    const findings: EligibilityCheck[] = [];
    if (supply > 0n && status.supplyRoom !== undefined && supply > status.supplyRoom) {
      findings.push(
        row(
          false,
          `${symbol} has reached its supply cap on Aave V3: it has room for ${fmt(status.supplyRoom)}, the migration would supply ${fmt(supply)}.`,
        ),
      );
    }
    if (borrow > 0n && !status.borrowingEnabled) {
      findings.push(
        row(false, `Borrowing ${symbol} is disabled on Aave V3, so your ${symbol} debt cannot move there.`),
      );
    }
    if (borrow > 0n && status.borrowRoom !== undefined && borrow > status.borrowRoom) {
      findings.push(
        row(
          false,
          `${symbol} has reached its borrow cap on Aave V3: it has room for ${fmt(status.borrowRoom)}, your debt is ${fmt(borrow)}.`,
        ),
      );
    }
    if (borrow > 0n && !status.borrowableInUserEMode) {
      findings.push(
        row(
          false,
          `Your Aave V3 account uses e-mode category ${v3.userEModeCategory} and ${symbol} is not in it, so Aave V3 will not let you borrow ${symbol}. Turn e-mode off on Aave V3 first.`,
        ),
      );
    }
    if (supply > 0n && status.debtCeiling > 0n) findings.push(isolationFinding(status, collateralCount, debts, row));
    return findings.length > 0 ? findings : [row(true, `${symbol} can move to Aave V3.`)];
  });
}

/**
 * An isolated asset is collateral only on its own (V3 enables whichever collateral arrives first): then it backs debt
 * only in assets allowed in isolation, within a debt ceiling shared by everyone borrowing against it.
 */
function isolationFinding(
  isolated: V3ReserveStatus,
  collateralCount: number,
  debts: readonly { amount: MigrationAmount; status: V3ReserveStatus | undefined }[],
  row: (ok: boolean, reason: string) => EligibilityCheck,
): EligibilityCheck {
  const what = `${isolated.symbol} is an isolation-mode asset on Aave V3`;
  if (collateralCount > 1) {
    return row(
      false,
      `${what}: it can only be collateral on its own, and you would have other collateral there, so part of your collateral would back none of your debt.`,
    );
  }
  const limits = `as your only collateral it can back debt only in assets Aave allows in isolation, up to a ${usd(isolated.debtCeiling)} debt ceiling shared by all its borrowers`;
  const notAllowed = debts.filter(({ status }) => !status?.borrowableInIsolation);
  if (notAllowed.length > 0) {
    const names = notAllowed.map(({ status, amount }) => status?.symbol ?? amount.asset).join(", ");
    return row(false, `${what}: ${limits}, and ${names} ${notAllowed.length > 1 ? "are" : "is"} not one of them.`);
  }
  const newDebt = debts.reduce(
    (sum, { amount, status }) => sum + inCeilingUnits(amount.borrow, status?.decimals ?? 18),
    0n,
  );
  const left =
    isolated.debtCeiling > isolated.isolationModeTotalDebt
      ? isolated.debtCeiling - isolated.isolationModeTotalDebt
      : 0n;
  if (newDebt > left) {
    return row(false, `${what}: ${limits}; only ${usd(left)} of it is left and your debt is ${usd(newDebt)}.`);
  }
  return row(true, `${what}: ${limits}.`);
}
