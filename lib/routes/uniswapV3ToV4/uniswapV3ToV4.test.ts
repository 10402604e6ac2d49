import { decodeAbiParameters, decodeFunctionData, getAbiItem, type Hex, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { iUniswapV3ToV4RouteParamsAbi, nonfungiblePositionManagerAbi } from "../../generated/abis";
import { NO_PERMIT, type PermitSignature } from "../../migrator/encoding";
import { sqrtRatioAtTick } from "../../uniswap/v3/positionAmounts";
import { poolIdOf, poolKeyFor } from "../../uniswap/v4/poolKey";
import type { V4PoolState } from "../../uniswap/v4/pools";
import type { HeldV4Position } from "../../uniswap/v4/positions";
import { routeId } from "../routeIds";
import { nftKey } from "../types";
import { uniswapV3ToV4 } from ".";
import { DEFAULT_V3_TO_V4_DRAFT, type UniswapV3ToV4Input, v3RangeInPool } from "./draft";
import { address, TICK, v3Position } from "./testPosition";

const MIGRATOR = address(0xf);
const position = v3Position();
const WETH = position.token0.address;
const pool = (fee: number, tickSpacing: number): V4PoolState => {
  const key = poolKeyFor({ currency0: position.token0, currency1: position.token1 }, { fee, tickSpacing });
  return { key, id: poolIdOf(key), sqrtPriceX96: sqrtRatioAtTick(TICK), tick: TICK, liquidity: 10n ** 20n };
};
const input = (overrides: Partial<UniswapV3ToV4Input> = {}): UniswapV3ToV4Input => ({
  position,
  draft: DEFAULT_V3_TO_V4_DRAFT,
  candidates: [pool(500, 10)],
  weth: WETH,
  slippageBps: 50,
  held: [],
  ...overrides,
});
const plan = (overrides: Partial<UniswapV3ToV4Input> = {}) => {
  const planned = uniswapV3ToV4.plan(input(overrides));
  if (!planned.ok) throw new Error(planned.error);
  return planned.plan;
};
const decodeParams = (params: Hex) =>
  decodeAbiParameters(getAbiItem({ abi: iUniswapV3ToV4RouteParamsAbi, name: "encode" }).inputs, params)[0];
const signed: PermitSignature = { value: 0n, deadline: 9n, v: 28, r: `0x${"1".repeat(64)}`, s: `0x${"2".repeat(64)}` };
const KEY = nftKey(position.positionManager, position.tokenId);

describe("the Uniswap V3 → V4 adapter", () => {
  it("encodes the share, the withdrawal minimums, the fee choice and the destination, with the NFT permit by its key", () => {
    const ready = plan({ draft: { ...DEFAULT_V3_TO_V4_DRAFT, percentage: "50", depositFees: false } });
    const encoded = uniswapV3ToV4.encode(ready, new Map([[KEY, signed]]));
    expect(encoded.route).toBe(routeId("UniswapV3ToV4"));
    expect(decodeParams(encoded.params)).toEqual({
      tokenId: position.tokenId,
      percentageBps: 5_000,
      amount0MinWithdrawn: ready.withdrawal.minWithdrawn.amount0,
      amount1MinWithdrawn: ready.withdrawal.minWithdrawn.amount1,
      depositFees: false,
      permit: signed,
      destination: ready.destination.destination,
    });
    expect(decodeParams(uniswapV3ToV4.encode(ready, new Map()).params).permit, "unsigned: approve stands in").toEqual(
      NO_PERMIT,
    );
  });

  it("stands in for the permit with approve of that one position, never setApprovalForAll", () => {
    const [approval, ...more] = uniswapV3ToV4.approvals(plan(), MIGRATOR);
    expect(more).toEqual([]);
    expect(approval?.key).toBe(KEY);
    expect(approval?.call.to).toBe(position.positionManager);
    const call = decodeFunctionData({ abi: nonfungiblePositionManagerAbi, data: approval?.call.data ?? "0x" });
    expect(call.functionName).toBe("approve");
    expect(call.args).toEqual([MIGRATOR, position.tokenId]);
  });

  it("summarises the leg by its position manager and token id, with the V4 pool's currencies", () => {
    const summary = uniswapV3ToV4.summary(plan());
    expect(summary).toMatchObject({
      source: position.positionManager,
      sourceId: position.tokenId,
      name: "Position #5, WETH/USDC 0.05%",
      destination: "Mints a new V4 position in WETH / USDC 0.05%",
    });
    const native = uniswapV3ToV4.summary(
      plan({
        // A new full range: the V3 ticks do not fit the 0.3% pool a missing ETH/USDC pool defaults to.
        draft: {
          ...DEFAULT_V3_TO_V4_DRAFT,
          keepV3Range: false,
          destination: { ...DEFAULT_V3_TO_V4_DRAFT.destination, native: true },
        },
        candidates: [],
      }),
    ).tokens;
    expect(native.map(({ address, symbol }) => [address, symbol])).toEqual([
      [zeroAddress, "ETH"],
      [position.token1.address, "USDC"],
    ]);
  });

  it("keeps the V3 range by default, and refuses a pool whose tick spacing does not fit it", () => {
    const ready = plan();
    expect([ready.destination.range.tickLower, ready.destination.range.tickUpper]).toEqual([
      position.tickLower,
      position.tickUpper,
    ]);
    expect(ready.destination.range.inRange).toBe(true);
    const misfit = v3Position({ tickLower: TICK - 610, tickUpper: TICK + 610 });
    const tier = { fee: 3000, tickSpacing: 60 };
    expect(
      uniswapV3ToV4.plan(
        input({
          position: misfit,
          candidates: [pool(3000, 60)],
          draft: { ...DEFAULT_V3_TO_V4_DRAFT, destination: { ...DEFAULT_V3_TO_V4_DRAFT.destination, tier } },
        }),
      ),
    ).toEqual({
      ok: false,
      error:
        "This V4 pool places ranges every 60 ticks and your V3 range does not fit them: choose a new range or another pool.",
    });
  });

  it("says a kept range is out of range when the position is, and mirrors it for a pool of reversed order", () => {
    const above = v3Position({ tickLower: TICK + 1_000, tickUpper: TICK + 2_000 });
    expect(plan({ position: above }).destination.range.inRange).toBe(false);
    expect(v3RangeInPool(above, pool(500, 10), true)).toEqual({
      ok: true,
      value: { tickLower: -(TICK + 2_000), tickUpper: -(TICK + 1_000) },
    });
  });

  it("refuses a share too small to move", () => {
    expect(
      uniswapV3ToV4.plan(
        input({ position: v3Position({ liquidity: 1n }), draft: { ...DEFAULT_V3_TO_V4_DRAFT, percentage: "1" } }),
      ),
    ).toEqual({ ok: false, error: "That share of the position is too small to migrate." });
  });

  it("adds to a held V4 position in that position's range, not the V3 one, after an approve(tokenId) transaction", () => {
    const v4Pool = pool(500, 10);
    const V4_POSITION_MANAGER = address(0x4b);
    const held: HeldV4Position = {
      positionManager: V4_POSITION_MANAGER,
      tokenId: 77n,
      key: v4Pool.key,
      poolId: v4Pool.id,
      tickLower: TICK - 1_000,
      tickUpper: TICK + 1_000,
      liquidity: 10n ** 12n,
    };
    const draft = { ...DEFAULT_V3_TO_V4_DRAFT, destination: { ...DEFAULT_V3_TO_V4_DRAFT.destination, tokenId: 77n } };
    expect(draft.keepV3Range, "the V3 range would be kept for a new position").toBe(true);
    const ready = plan({ draft, held: [held] });
    expect(ready.destination.destination).toMatchObject({
      tokenId: 77n,
      tickLower: TICK - 1_000,
      tickUpper: TICK + 1_000,
    });
    expect(uniswapV3ToV4.summary(ready)).toMatchObject({
      addsTo: 77n,
      destination: "Adds to your V4 position #77 in WETH / USDC 0.05%",
    });
    const [v3, v4, ...more] = uniswapV3ToV4.approvals(ready, MIGRATOR);
    expect(more).toEqual([]);
    expect(v3?.key).toBe(KEY);
    expect(v4).toMatchObject({ key: nftKey(V4_POSITION_MANAGER, 77n), call: { to: V4_POSITION_MANAGER } });
    expect(v4?.transactionOnly).toBeDefined();
    expect(uniswapV3ToV4.plan(input({ draft, held: [] })), "no longer held").toEqual({
      ok: false,
      error: "You hold no V4 position #77 in this pool: choose another destination.",
    });
  });
});
