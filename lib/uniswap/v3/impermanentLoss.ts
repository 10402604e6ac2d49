/** A price range in quote per base (e.g. USDC per ETH); `undefined` bounds mean full range. */
export interface PriceRange {
  lower?: number;
  upper?: number;
}

/** Token amounts (base, quote) of one unit of liquidity at `price`, with the price clamped to the range. */
function amountsPerLiquidity(price: number, { lower = 0, upper = Number.POSITIVE_INFINITY }: PriceRange) {
  const p = Math.sqrt(Math.min(Math.max(price, lower), upper));
  const base = upper === Number.POSITIVE_INFINITY ? 1 / p : 1 / p - 1 / Math.sqrt(upper);
  const quote = p - Math.sqrt(lower);
  return { base, quote };
}

/** Value in quote of one unit of liquidity at `price`. */
function lpValue(price: number, range: PriceRange): number {
  const { base, quote } = amountsPerLiquidity(price, range);
  return base * price + quote;
}

/**
 * Impermanent loss of a position opened at `entryPrice` when the price moves to `price`: the LP's value over
 * the value of simply holding the tokens deposited, minus one (negative is a loss). Fees are not counted.
 * Full range gives 2√k/(1+k) − 1 with k = price / entryPrice.
 */
export function impermanentLoss(entryPrice: number, price: number, range: PriceRange = {}): number {
  const deposited = amountsPerLiquidity(entryPrice, range);
  const hold = deposited.base * price + deposited.quote;
  return lpValue(price, range) / hold - 1;
}

/**
 * Position value relative to its value at entry, for a chart of value against price. One point per price
 * multiple of the entry price.
 */
export function valueCurve(entryPrice: number, range: PriceRange, multiples: number[]) {
  const entryValue = lpValue(entryPrice, range);
  return multiples.map((multiple) => ({
    multiple,
    value: lpValue(entryPrice * multiple, range) / entryValue,
  }));
}
