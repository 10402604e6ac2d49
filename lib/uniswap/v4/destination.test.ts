import { getAddress, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { fullRangeTicks, priceFromSqrtPriceX96, sqrtPriceX96FromReserves } from "../v3/poolMath";
import { v4DepositAmounts } from "./depositMath";
import { DEFAULT_V4_DRAFT, planV4Destination, type V4DestinationInput } from "./destination";
import { candidatePoolKeys, poolCurrencies, poolIdOf } from "./poolKey";
import type { V4PoolState } from "./pools";
import { type HeldV4Position, positionsInPool } from "./positions";

const token = (n: number, symbol: string, decimals: number) => ({
  address: getAddress(`0x${n.toString(16).padStart(40, "0")}`),
  symbol,
  decimals,
});
const LOW = token(0x100, "LOW", 6);
const WETH = token(0x200, "WETH", 18);
// 10 WETH and 30,000 LOW withdrawn at 3,000 LOW per WETH; LOW sorts first, so the source's token0 is LOW.
const source = {
  token0: LOW,
  token1: WETH,
  amount0: 30_000n * 10n ** 6n,
  amount1: 10n * 10n ** 18n,
  sqrtPriceX96: sqrtPriceX96FromReserves(30_000n * 10n ** 6n, 10n * 10n ** 18n),
};

/** The pair's candidates with the given tiers existing at `sqrtPriceX96` with `liquidity`. */
function candidates(native: boolean, existing: Record<number, { sqrtPriceX96: bigint; liquidity: bigint }>) {
  return candidatePoolKeys(poolCurrencies(LOW, WETH, WETH.address, native)).map(
    (key): V4PoolState => ({
      key,
      id: poolIdOf(key),
      tick: 0,
      sqrtPriceX96: existing[key.fee]?.sqrtPriceX96 ?? 0n,
      liquidity: existing[key.fee]?.liquidity ?? 0n,
    }),
  );
}

const plan = (input: Partial<V4DestinationInput>) => {
  const planned = planV4Destination({
    source,
    draft: DEFAULT_V4_DRAFT,
    candidates: candidates(false, {}),
    weth: WETH.address,
    slippageBps: 50,
    ...input,
  });
  if (!planned.ok) throw new Error(planned.error);
  return planned.value;
};

describe("planV4Destination", () => {
  it("defaults to the deepest existing pool and deposits at its price", () => {
    const poolPrice = (source.sqrtPriceX96 * 1001n) / 1000n;
    const planned = plan({
      candidates: candidates(false, {
        500: { sqrtPriceX96: poolPrice, liquidity: 10n ** 18n },
        3000: { sqrtPriceX96: poolPrice, liquidity: 10n ** 15n },
      }),
    });
    expect(planned.destination.poolKey.fee).toBe(500);
    expect(planned.poolExists).toBe(true);
    expect(planned.depositSqrtPriceX96).toBe(poolPrice);
    expect(planned.deviation).toBeCloseTo(1.001 ** 2 - 1, 9);
    expect(planned.destination).toMatchObject({ ...fullRangeTicks({ tickSpacing: 10 }), tokenId: 0n });
  });

  it("plans a missing pool at the source's price, 0.3% when the pair has no pool at all", () => {
    const planned = plan({});
    expect(planned.poolExists).toBe(false);
    expect(planned.destination.poolKey).toMatchObject({ fee: 3000, tickSpacing: 60, hooks: zeroAddress });
    expect(planned.depositSqrtPriceX96).toBe(source.sqrtPriceX96);
    expect(priceFromSqrtPriceX96(planned.depositSqrtPriceX96, 6, 18)).toBeCloseTo(1 / 3000, 9);
  });

  it("puts native ETH first: amounts reordered, price inverted, the same deposit as the route computes", () => {
    const planned = plan({ draft: { ...DEFAULT_V4_DRAFT, native: true }, candidates: candidates(true, {}) });
    expect(planned.currencies).toMatchObject({ flipped: true, native: true });
    expect(planned.destination.poolKey.currency0).toBe(zeroAddress);
    expect(planned.offered).toEqual({ amount0: source.amount1, amount1: source.amount0 });
    expect(planned.price).toBeCloseTo(3000, 6);
    const { tickLower, tickUpper } = planned.destination;
    expect(planned.deposit).toEqual(
      v4DepositAmounts(planned.depositSqrtPriceX96, tickLower, tickUpper, source.amount1, source.amount0),
    );
    expect(planned.refund.amount0 + planned.deposit.amount0).toBe(source.amount1);
    expect(planned.refund.amount1 + planned.deposit.amount1).toBe(source.amount0);
  });

  it("sets minimums that the deposit meets anywhere in the slippage band, and only there", () => {
    const planned = plan({
      draft: { ...DEFAULT_V4_DRAFT, range: { preset: "narrow", minPrice: "", maxPrice: "" } },
      slippageBps: 100,
    });
    const { destination, offered } = planned;
    const at = (sqrtPriceX96: bigint) =>
      v4DepositAmounts(sqrtPriceX96, destination.tickLower, destination.tickUpper, offered.amount0, offered.amount1);
    const band = [destination.sqrtPriceX96Min, planned.depositSqrtPriceX96, destination.sqrtPriceX96Max];
    const span = destination.sqrtPriceX96Max - destination.sqrtPriceX96Min;
    for (const step of [0n, 1n, 2n, 3n, 4n]) band.push(destination.sqrtPriceX96Min + (span * step) / 4n);
    for (const sqrtPriceX96 of band) {
      const deposited = at(sqrtPriceX96);
      expect(deposited.amount0).toBeGreaterThanOrEqual(destination.amount0MinDeposited);
      expect(deposited.amount1).toBeGreaterThanOrEqual(destination.amount1MinDeposited);
    }
    // Past the band, one of the minimums fails: they are not looser than the tolerance.
    const beyond = [at((destination.sqrtPriceX96Min * 98n) / 100n), at((destination.sqrtPriceX96Max * 102n) / 100n)];
    expect(
      beyond.map((d) => d.amount0 < destination.amount0MinDeposited || d.amount1 < destination.amount1MinDeposited),
    ).toEqual([true, true]);
    expect(priceFromSqrtPriceX96(destination.sqrtPriceX96Max, 6, 18) / planned.price).toBeCloseTo(1.01, 6);
  });

  it("takes a range fixed by the source instead of the draft's, and mints", () => {
    const planned = plan({ ticks: { tickLower: -60, tickUpper: 60 } });
    expect(planned.destination).toMatchObject({ tickLower: -60, tickUpper: 60, tokenId: 0n });
    expect(planned.addsTo).toBeUndefined();
    // Around tick 0 (1 raw unit each way), far from 3,000 LOW per WETH: out of range.
    expect(planned.range.inRange).toBe(false);
  });

  describe("adding to a held V4 position", () => {
    const pools = candidates(false, { 500: { sqrtPriceX96: source.sqrtPriceX96, liquidity: 10n ** 18n } });
    const [inPool, otherPool] = [pools[1], pools[2]] as [V4PoolState, V4PoolState];
    // 3,000 LOW per WETH is raw price 10^12 / 3,000 ≈ tick 193,000 (LOW has 6 decimals, WETH 18).
    const held = (tokenId: bigint, pool: V4PoolState, tickLower = 180_000, tickUpper = 200_000): HeldV4Position => ({
      positionManager: getAddress(`0x${"4".repeat(40)}`),
      tokenId,
      key: pool.key,
      poolId: pool.id,
      tickLower,
      tickUpper,
      liquidity: 10n ** 12n,
    });
    const positions = [held(9n, otherPool), held(8n, inPool), held(7n, inPool, -887_270, 887_270)];
    const adding = (tokenId: bigint, extra: Partial<V4DestinationInput> = {}) =>
      planV4Destination({
        source,
        draft: { ...DEFAULT_V4_DRAFT, tokenId },
        candidates: pools,
        weth: WETH.address,
        slippageBps: 50,
        held: positions,
        ...extra,
      });

    it("deposits into that position's range, whatever the draft's or the source's range, and names its id", () => {
      const planned = adding(8n, { ticks: { tickLower: -60, tickUpper: 60 } });
      if (!planned.ok) throw new Error(planned.error);
      expect(planned.value.destination).toMatchObject({ tickLower: 180_000, tickUpper: 200_000, tokenId: 8n });
      expect(planned.value.addsTo?.tokenId).toBe(8n);
      expect(planned.value.range.inRange).toBe(true);
      const inRange = v4DepositAmounts(source.sqrtPriceX96, 180_000, 200_000, source.amount0, source.amount1);
      expect(planned.value.deposit).toEqual(inRange);
      expect(planned.value.refund).toEqual({
        amount0: source.amount0 - inRange.amount0,
        amount1: source.amount1 - inRange.amount1,
      });
    });

    it("refuses a position that is not the user's in the chosen pool", () => {
      const error = (tokenId: bigint) => ({
        ok: false,
        error: `You hold no V4 position #${tokenId} in this pool: choose another destination.`,
      });
      expect(adding(9n), "held, in another pool").toEqual(error(9n));
      expect(adding(6n), "not held").toEqual(error(6n));
    });

    it("lists the positions of a pool lowest id first", () => {
      expect(positionsInPool(positions, inPool.id).map(({ tokenId }) => tokenId)).toEqual([7n, 8n]);
      expect(positionsInPool(positions, pools[0]?.id ?? "0x")).toEqual([]);
    });
  });

  it("refuses a range the amounts buy no liquidity in, and a range narrower than one tick spacing", () => {
    const tiny = planV4Destination({
      source: { ...source, amount0: 0n, amount1: 0n },
      draft: DEFAULT_V4_DRAFT,
      candidates: candidates(false, {}),
      weth: WETH.address,
      slippageBps: 50,
    });
    expect(tiny.ok).toBe(false);
    const narrow = planV4Destination({
      source,
      draft: { ...DEFAULT_V4_DRAFT, range: { preset: "custom", minPrice: "0.0003333", maxPrice: "0.00033331" } },
      candidates: candidates(false, {}),
      weth: WETH.address,
      slippageBps: 50,
    });
    expect(narrow).toEqual({ ok: false, error: "The range is narrower than one tick of this fee tier: widen it." });
  });
});
