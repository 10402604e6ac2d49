import { type Address, encodeAbiParameters, type Hex, keccak256, parseAbiParameters, zeroAddress } from "viem";
import type { TokenInfo } from "../v2/positions";

/** A Uniswap V4 pool's key, as `PoolKey` in v4-core: currencies sorted by address, native ETH as the zero address. */
export interface PoolKey {
  currency0: Address;
  currency1: Address;
  /** LP fee in hundredths of a basis point (3000 = 0.3%). */
  fee: number;
  tickSpacing: number;
  hooks: Address;
}

/** Native ETH as a V4 currency: the zero address, which sorts before every token. */
export const NATIVE_ETH: TokenInfo = { address: zeroAddress, symbol: "ETH", decimals: 18 };

/** The fee / tick spacing pairs Uniswap's interface offers (the V3 tiers' own pairs), lowest fee first. */
export const STANDARD_TIERS = [
  { fee: 100, tickSpacing: 1 },
  { fee: 500, tickSpacing: 10 },
  { fee: 3000, tickSpacing: 60 },
  { fee: 10_000, tickSpacing: 200 },
] as const;
export type PoolTier = { fee: number; tickSpacing: number };

/** No hook: the default; a pool with a hook is used only when the user names it. */
export const NO_HOOKS: Address = zeroAddress;

/** The PoolId of a key: `keccak256(abi.encode(key))`, as v4-core's `PoolIdLibrary.toId`. */
export function poolIdOf(key: PoolKey): Hex {
  return keccak256(
    encodeAbiParameters(parseAbiParameters("address, address, uint24, int24, address"), [
      key.currency0,
      key.currency1,
      key.fee,
      key.tickSpacing,
      key.hooks,
    ]),
  );
}

/**
 * The pool currencies for a source's sorted tokens, WETH standing for native ETH when `native` is asked and the
 * pair has WETH. Native ETH sorts first, so the pool's order may be the source's reversed (`flipped`): every amount
 * a V4 destination takes or reports is in the pool's order.
 */
export function poolCurrencies(token0: TokenInfo, token1: TokenInfo, weth: Address, native: boolean) {
  const isWeth = (token: TokenInfo) => token.address.toLowerCase() === weth.toLowerCase();
  const asCurrency = (token: TokenInfo) => (native && isWeth(token) ? NATIVE_ETH : token);
  const [a, b] = [asCurrency(token0), asCurrency(token1)];
  const flipped = BigInt(b.address) < BigInt(a.address);
  const [currency0, currency1] = flipped ? [b, a] : [a, b];
  return { currency0, currency1, flipped, native: a === NATIVE_ETH || b === NATIVE_ETH };
}

export type PoolCurrencies = ReturnType<typeof poolCurrencies>;

/** The key of a pool of these currencies (in pool order), in a tier, with a hook or none. */
export const poolKeyFor = (
  { currency0, currency1 }: Pick<PoolCurrencies, "currency0" | "currency1">,
  tier: PoolTier,
  hooks: Address = NO_HOOKS,
): PoolKey => ({
  currency0: currency0.address,
  currency1: currency1.address,
  fee: tier.fee,
  tickSpacing: tier.tickSpacing,
  hooks,
});

/** The pair's hookless pool in every standard tier: the candidates a destination is picked from. */
export const candidatePoolKeys = (currencies: Pick<PoolCurrencies, "currency0" | "currency1">): PoolKey[] =>
  STANDARD_TIERS.map((tier) => poolKeyFor(currencies, tier));

/** A source amount pair in the pool's currency order. */
export const inPoolOrder = <T>(flipped: boolean, amount0: T, amount1: T): [T, T] =>
  flipped ? [amount1, amount0] : [amount0, amount1];

/**
 * A source's sqrtPriceX96 (token1 per token0) in the pool's order: inverted when the order is flipped, rounded down
 * as the routes do when they initialise a missing pool (`UniswapV4Deposit.initialize`).
 */
export const sqrtPriceInPoolOrder = (sqrtPriceX96: bigint, flipped: boolean): bigint =>
  flipped ? (1n << 192n) / sqrtPriceX96 : sqrtPriceX96;

/** "0.3%". */
export const tierLabel = (tier: PoolTier) => `${tier.fee / 10_000}%`;

/** "ETH / USDC 0.05%", and the hook when the pool has one. */
export const v4PoolName = (
  { currency0, currency1 }: { currency0: Pick<TokenInfo, "symbol">; currency1: Pick<TokenInfo, "symbol"> },
  key: PoolKey,
): string =>
  `${currency0.symbol} / ${currency1.symbol} ${tierLabel(key)}${key.hooks === NO_HOOKS ? "" : ` (hook ${key.hooks})`}`;
