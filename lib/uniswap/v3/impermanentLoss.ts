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
 * The price span of a loss chart around `entryPrice`, as a factor f (the chart runs from entry/f to entry·f): twice
 * the range's farthest bound, multiplicatively, so the bounds and the loss beyond them both show; for full range,
 * twice the widest move typical of the pair (`widestMove`, e.g. 0.5 for ±50%).
 */
export function lossChartSpan(entryPrice: number, range: PriceRange, widestMove: number): number {
  const reach = Math.max(
    range.upper === undefined ? 1 : range.upper / entryPrice,
    range.lower === undefined ? 1 : entryPrice / range.lower,
  );
  return (reach > 1 ? reach : 1 / (1 - widestMove)) ** 2;
}

/**
 * Impermanent loss of a full-range position and of one in `range`, both opened at `entryPrice`, at `2·steps + 1`
 * prices from entry/span to entry·span, evenly spaced on a log scale (halving and doubling lie equally far from
 * entry, which is the middle point).
 */
export function lossCurve(entryPrice: number, range: PriceRange, span: number, steps = 24) {
  return Array.from({ length: 2 * steps + 1 }, (_, i) => {
    const price = entryPrice * span ** ((i - steps) / steps);
    return {
      price,
      fullRange: impermanentLoss(entryPrice, price),
      ranged: impermanentLoss(entryPrice, price, range),
    };
  });
}
