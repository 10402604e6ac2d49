/**
 * The token amounts an LP balance redeems for, as UniswapV2Pair.burn computes them (rounded down).
 * Ignores the protocol fee mint, which is off on the world and rarely material on mainnet.
 */
export function lpUnderlying(lpAmount: bigint, totalSupply: bigint, reserve0: bigint, reserve1: bigint) {
  if (totalSupply === 0n) return { amount0: 0n, amount1: 0n };
  return { amount0: (lpAmount * reserve0) / totalSupply, amount1: (lpAmount * reserve1) / totalSupply };
}

/** `bps` of an amount, rounded down, as the Migrator takes a percentage of the LP balance. */
export function shareOf(amount: bigint, bps: number): bigint {
  if (!Number.isInteger(bps) || bps < 0 || bps > 10_000) throw new RangeError(`percentage out of range: ${bps} bps`);
  return (amount * BigInt(bps)) / 10_000n;
}

/** The least of a withdrawn amount a migration accepts, `slippageBps` below the amount previewed (rounded down). */
export const withdrawalMinimum = (amount: bigint, slippageBps: number): bigint =>
  (amount * BigInt(10_000 - slippageBps)) / 10_000n;

/** The pair's spot price of token0 in token1, in whole tokens, from its reserves. */
export function spotPrice(reserve0: bigint, reserve1: bigint, decimals0: number, decimals1: number): number {
  return (Number(reserve1) / Number(reserve0)) * 10 ** (decimals0 - decimals1);
}
