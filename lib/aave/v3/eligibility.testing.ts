import type { Address } from "viem";
import { NO_RATES } from "../apy";
import type { V3ReserveStatus } from "./eligibility";

/** For tests: an open, uncapped, non-isolated Aave V3 reserve (82.5 % threshold), with the fields a case changes. */
export function openV3Reserve(
  asset: Address,
  symbol: string,
  decimals: number,
  overrides: Partial<V3ReserveStatus> = {},
): V3ReserveStatus {
  return {
    asset,
    symbol,
    exists: true,
    rates: NO_RATES,
    active: true,
    frozen: false,
    paused: false,
    borrowingEnabled: true,
    borrowableInIsolation: false,
    decimals,
    ltv: 8000n,
    liquidationThreshold: 8250n,
    liquidationBonus: 10500n,
    eModeCategory: 0,
    borrowableInUserEMode: true,
    supplyCap: 0n,
    totalSupplied: 0n,
    supplyRoom: undefined,
    borrowCap: 0n,
    totalDebt: 0n,
    borrowRoom: undefined,
    debtCeiling: 0n,
    isolationModeTotalDebt: 0n,
    ...overrides,
  };
}
