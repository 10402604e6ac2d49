/**
 * How far a pair's price usually moves, which sizes the ranges worth offering: two USD stablecoins move by
 * fractions of a percent, anything else by tens of percent.
 */
export type PairKind = "stable" | "volatile";

/** USD stablecoins by symbol. */
const USD_STABLECOINS = new Set(["USDC", "USDT", "DAI", "USDS", "FRAX", "LUSD", "GHO", "PYUSD", "USDE", "CRVUSD"]);

export function pairKind(symbol0: string, symbol1: string): PairKind {
  const stable = (symbol: string) => USD_STABLECOINS.has(symbol.toUpperCase());
  return stable(symbol0) && stable(symbol1) ? "stable" : "volatile";
}
