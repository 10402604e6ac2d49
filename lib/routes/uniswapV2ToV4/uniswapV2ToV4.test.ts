import {
  decodeAbiParameters,
  decodeFunctionData,
  erc20Abi,
  erc721Abi,
  getAbiItem,
  getAddress,
  type Hex,
  zeroAddress,
} from "viem";
import { describe, expect, it } from "vitest";
import { iUniswapV2ToV4RouteParamsAbi } from "../../generated/abis";
import { NO_PERMIT, type PermitSignature } from "../../migrator/encoding";
import type { V2Position } from "../../uniswap/v2/positions";
import { sqrtPriceX96FromReserves } from "../../uniswap/v3/poolMath";
import { DEFAULT_V4_DRAFT } from "../../uniswap/v4/destination";
import { candidatePoolKeys, poolCurrencies, poolIdOf } from "../../uniswap/v4/poolKey";
import type { V4PoolState } from "../../uniswap/v4/pools";
import type { HeldV4Position } from "../../uniswap/v4/positions";
import { routeId } from "../routeIds";
import { nftKey, permitKey } from "../types";
import { uniswapV2ToV4 } from ".";
import { DEFAULT_V2_TO_V4_DRAFT, type V2ToV4Draft } from "./draft";

const address = (n: number) => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
const PAIR = address(0x9a1);
const MIGRATOR = address(0xf);
const [WETH, USDC] = [address(1), address(2)];
// 1 % of a pair holding 100 WETH and 300,000 USDC: 1 WETH and 3,000 USDC.
const position: V2Position = {
  pair: PAIR,
  token0: { address: WETH, symbol: "WETH", decimals: 18 },
  token1: { address: USDC, symbol: "USDC", decimals: 6 },
  lpBalance: 10n ** 18n,
  lpTotalSupply: 100n * 10n ** 18n,
  reserve0: 100n * 10n ** 18n,
  reserve1: 300_000n * 10n ** 6n,
  amount0: 10n ** 18n,
  amount1: 3_000n * 10n ** 6n,
};
const v2Price = sqrtPriceX96FromReserves(position.reserve0, position.reserve1);

/** The pair's V4 candidates with the 0.05% pool existing at `sqrtPriceX96`. */
const candidates = (native: boolean, sqrtPriceX96 = v2Price): V4PoolState[] =>
  candidatePoolKeys(poolCurrencies(position.token0, position.token1, WETH, native)).map((key) => ({
    key,
    id: poolIdOf(key),
    tick: 0,
    sqrtPriceX96: key.fee === 500 ? sqrtPriceX96 : 0n,
    liquidity: key.fee === 500 ? 10n ** 20n : 0n,
  }));

const plan = (draft: V2ToV4Draft = DEFAULT_V2_TO_V4_DRAFT, pools = candidates(draft.destination.native)) => {
  const planned = uniswapV2ToV4.plan({ position, draft, candidates: pools, weth: WETH, slippageBps: 50, held: [] });
  if (!planned.ok) throw new Error(planned.error);
  return planned.plan;
};
const decodeParams = (params: Hex) =>
  decodeAbiParameters(getAbiItem({ abi: iUniswapV2ToV4RouteParamsAbi, name: "encode" }).inputs, params)[0];
const signed: PermitSignature = { value: 5n, deadline: 9n, v: 28, r: `0x${"1".repeat(64)}`, s: `0x${"2".repeat(64)}` };
/** The pair's `Migrated` event into a V4 position: 1 ETH + 3,000 USDC out, 1 USDC refunded. */
const migratedEvent = ({ destination, tokenId }: { destination: Hex; tokenId: bigint }) => ({
  kind: "Migrated" as const,
  user: zeroAddress,
  route: routeId("UniswapV2ToV4"),
  source: PAIR,
  migration: {
    sourceId: 0n,
    sourceAmount: 10n ** 18n,
    destination,
    positionManager: zeroAddress,
    tokenId,
    liquidity: 1n,
    token0: zeroAddress,
    token1: USDC,
    amount0Withdrawn: 10n ** 18n,
    amount1Withdrawn: 3_000n * 10n ** 6n,
    amount0Deposited: 10n ** 18n,
    amount1Deposited: 2_999n * 10n ** 6n,
    amount0Refunded: 0n,
    amount1Refunded: 10n ** 6n,
    refundedAsEth: true,
  },
});
const native: V2ToV4Draft = { ...DEFAULT_V2_TO_V4_DRAFT, destination: { ...DEFAULT_V4_DRAFT, native: true } };

describe("the Uniswap V2 → V4 adapter", () => {
  it("encodes the planned params, destination included, with the LP token's permit found by its key", () => {
    const ready = plan({ ...DEFAULT_V2_TO_V4_DRAFT, percentage: "50" });
    const encoded = uniswapV2ToV4.encode(ready, new Map([[permitKey(PAIR), signed]]));
    expect(encoded.route).toBe(routeId("UniswapV2ToV4"));
    const params = decodeParams(encoded.params);
    expect(params).toEqual({ ...ready.params, permit: signed });
    expect(params.lpAmount).toBe(5n * 10n ** 17n);
    expect(params.destination.poolKey).toMatchObject({ currency0: WETH, currency1: USDC, fee: 500, tickSpacing: 10 });
    // Withdrawal minimums 0.5 % below the half position's 0.5 WETH and 1,500 USDC.
    expect([params.amount0MinWithdrawn, params.amount1MinWithdrawn]).toEqual([4975n * 10n ** 14n, 1_492_500_000n]);
    expect(decodeParams(uniswapV2ToV4.encode(ready, new Map()).params).permit, "unsigned").toEqual(NO_PERMIT);
  });

  it("asks for one exact LP approval, under the same key as the permit it replaces", () => {
    const [approval, ...more] = uniswapV2ToV4.approvals(
      plan({ ...DEFAULT_V2_TO_V4_DRAFT, percentage: "50" }),
      MIGRATOR,
    );
    expect(more).toEqual([]);
    expect(approval?.key).toBe(permitKey(PAIR));
    expect(approval?.call.to).toBe(PAIR);
    expect(decodeFunctionData({ abi: erc20Abi, data: approval?.call.data ?? "0x" }).args).toEqual([
      MIGRATOR,
      5n * 10n ** 17n,
    ]);
  });

  describe("into a V4 position the user holds", () => {
    const POSITION_MANAGER = address(0x4b);
    const pools = candidates(false);
    const pool500 = pools.find(({ key }) => key.fee === 500) as V4PoolState;
    const held: HeldV4Position = {
      positionManager: POSITION_MANAGER,
      tokenId: 42n,
      key: pool500.key,
      poolId: pool500.id,
      tickLower: -887_270,
      tickUpper: 887_270,
      liquidity: 10n ** 15n,
    };
    const adding = () => {
      const draft = { ...DEFAULT_V2_TO_V4_DRAFT, destination: { ...DEFAULT_V4_DRAFT, tokenId: 42n } };
      const planned = uniswapV2ToV4.plan({
        position,
        draft,
        candidates: pools,
        weth: WETH,
        slippageBps: 50,
        held: [held],
      });
      if (!planned.ok) throw new Error(planned.error);
      return planned.plan;
    };

    it("encodes the held token id and its range, and says so in the review and the receipt", () => {
      const ready = adding();
      const params = decodeParams(uniswapV2ToV4.encode(ready, new Map()).params);
      expect(params.destination).toMatchObject({ tokenId: 42n, tickLower: -887_270, tickUpper: 887_270 });
      const summary = uniswapV2ToV4.summary(ready);
      expect(summary).toMatchObject({ addsTo: 42n, destination: "Adds to your V4 position #42 in WETH / USDC 0.05%" });
      const event = migratedEvent({ destination: pool500.id, tokenId: 42n });
      const described = uniswapV2ToV4.describe(event, summary);
      expect(described.title).toBe("WETH / USDC → added to your Uniswap V4 position #42");
    });

    it("asks an approve(tokenId) transaction for the held position, which no signature stands in for", () => {
      const [lp, v4, ...more] = uniswapV2ToV4.approvals(adding(), MIGRATOR);
      expect(more).toEqual([]);
      expect(lp?.transactionOnly, "the LP approval stands in for the LP permit").toBeUndefined();
      expect(v4?.key).toBe(nftKey(POSITION_MANAGER, 42n));
      expect(v4?.call.to).toBe(POSITION_MANAGER);
      const call = decodeFunctionData({ abi: erc721Abi, data: v4?.call.data ?? "0x" });
      expect([call.functionName, ...(call.args ?? [])]).toEqual(["approve", MIGRATOR, 42n]);
      expect(v4?.transactionOnly?.label).toBe("Approval of V4 position #42");
    });
  });

  it("summarises a native-ETH leg with the pool's currencies, as the event reports them", () => {
    const summary = uniswapV2ToV4.summary(plan(native));
    expect(summary).toMatchObject({
      key: `UniswapV2ToV4:${PAIR}`,
      source: PAIR,
      name: "WETH / USDC",
      destination: "Mints a new V4 position in ETH / USDC 0.05%",
    });
    expect(summary.tokens.map(({ address, symbol }) => [address, symbol])).toEqual([
      [zeroAddress, "ETH"],
      [USDC, "USDC"],
    ]);
    const prices = new Map([
      [WETH.toLowerCase(), 2_000n * 10n ** 8n],
      [USDC.toLowerCase(), 10n ** 8n],
    ]);
    expect(summary.valueUsd(prices)).toBe(5_000);
  });

  it("reads its event in the receipt: the V4 position, its pool by name and PoolId, amounts in ETH", () => {
    const ready = plan(native);
    const leg = { ...uniswapV2ToV4.summary(ready), route: "UniswapV2ToV4" as const };
    const poolId = poolIdOf(ready.params.destination.poolKey);
    const event = migratedEvent({ destination: poolId, tokenId: 12n });
    const described = uniswapV2ToV4.describe(event, leg);
    expect(described.title).toBe("WETH / USDC → Uniswap V4 position #12");
    expect(described.detail).toContain(`Mints a new V4 position in ETH / USDC 0.05% (pool ${poolId})`);
    expect(described.detail).toContain("Deposited 1 ETH + 2,999 USDC; refunded 0 ETH + 1 USDC");
    expect(described.link?.href).toBe("/dashboard#position-uniswap-v4-12");
  });

  it("warns, asks, then blocks as the V4 pool's price leaves the V2 price", () => {
    const off = (percent: bigint) => candidates(false, (v2Price * (100n + percent)) / 100n);
    expect(plan(DEFAULT_V2_TO_V4_DRAFT, off(0n))).toMatchObject({ guard: "ok", sendable: true });
    expect(plan(DEFAULT_V2_TO_V4_DRAFT, off(2n))).toMatchObject({ guard: "warn", sendable: true });
    expect(plan(DEFAULT_V2_TO_V4_DRAFT, off(3n))).toMatchObject({ guard: "confirm", sendable: false });
    expect(plan({ ...DEFAULT_V2_TO_V4_DRAFT, deviationConfirmed: true }, off(3n))).toMatchObject({ sendable: true });
    expect(plan({ ...DEFAULT_V2_TO_V4_DRAFT, deviationConfirmed: true }, off(8n))).toMatchObject({
      guard: "block",
      sendable: false,
    });
  });

  it("refuses a share too small to move and a share that is not a percentage", () => {
    const small = { ...DEFAULT_V2_TO_V4_DRAFT, percentage: "1" };
    const tiny = uniswapV2ToV4.plan({
      position: { ...position, lpBalance: 1n },
      draft: small,
      candidates: candidates(false),
      weth: WETH,
      slippageBps: 50,
      held: [],
    });
    expect(tiny).toEqual({ ok: false, error: "That share of the position is too small to migrate." });
    const typed = uniswapV2ToV4.plan({
      position,
      draft: { ...DEFAULT_V2_TO_V4_DRAFT, percentage: "150" },
      candidates: candidates(false),
      weth: WETH,
      slippageBps: 50,
      held: [],
    });
    expect(typed.ok).toBe(false);
  });
});
