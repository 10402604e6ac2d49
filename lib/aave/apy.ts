/** An Aave reserve's current rates, as its pool stores them: yearly rates in ray (1e27), compounded per second. */
export interface ReserveRates {
  supply: bigint;
  variableBorrow: bigint;
}

export const NO_RATES: ReserveRates = { supply: 0n, variableBorrow: 0n };

const RAY = 10 ** 27;
const SECONDS_PER_YEAR = 31_536_000;

/** A ray rate as the APY Aave's interface shows: (1 + rate / seconds per year) ^ seconds per year − 1. */
export function rayToApy(rate: bigint): number {
  return (1 + Number(rate) / RAY / SECONDS_PER_YEAR) ** SECONDS_PER_YEAR - 1;
}

/** "3.05%". */
export const formatApy = (apy: number) => `${(apy * 100).toFixed(2)}%`;
