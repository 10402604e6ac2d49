import { usdValue } from "../aave/v3/usdPrices";

/** Gas above this share of the value moved is worth a warning: the migration may not pay for itself. */
export const GAS_WARNING_SHARE = 0.1;

/**
 * Worst-case cost of a transaction: its gas times the max fee per gas, in wei, in USD at the ETH price, and as a
 * share of the USD value it moves.
 */
export function gasCost(gas: bigint, maxFeePerGas: bigint, ethUsdPrice: bigint, valueMovedUsd: number) {
  const wei = gas * maxFeePerGas;
  const usd = usdValue(wei, 18, ethUsdPrice);
  const share = valueMovedUsd > 0 ? usd / valueMovedUsd : 0;
  return { wei, usd, share, expensive: share > GAS_WARNING_SHARE };
}
