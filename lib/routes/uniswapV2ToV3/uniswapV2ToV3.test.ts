import { decodeAbiParameters, decodeFunctionData, erc20Abi, getAbiItem, getAddress, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { iUniswapV2ToV3RouteParamsAbi } from "../../generated/abis";
import { NO_PERMIT, type PermitSignature } from "../../migrator/encoding";
import type { V2Position } from "../../uniswap/v2/positions";
import type { HeldV3Position } from "../../uniswap/v3/positions";
import { routeId } from "../routeIds";
import { permitKey } from "../types";
import { uniswapV2ToV3 } from ".";
import { DEFAULT_DRAFT } from "./draft";

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
const NO_POOL = { address: address(0x9001), sqrtPriceX96: 0n };
const plan = (draft = DEFAULT_DRAFT, held: HeldV3Position[] = []) => {
  const planned = uniswapV2ToV3.plan({ position, draft, pool: NO_POOL, held, slippageBps: 50, chainId: 31337 });
  if (!planned.ok) throw new Error(planned.error);
  return planned.plan;
};
const decodeParams = (params: Hex) =>
  decodeAbiParameters(getAbiItem({ abi: iUniswapV2ToV3RouteParamsAbi, name: "encode" }).inputs, params)[0];
const signed: PermitSignature = { value: 5n, deadline: 9n, v: 28, r: `0x${"1".repeat(64)}`, s: `0x${"2".repeat(64)}` };

describe("the Uniswap V2 → V3 adapter", () => {
  it("encodes the planned params with the LP token's permit, found by its key", () => {
    const ready = plan({ ...DEFAULT_DRAFT, percentage: "50" });
    const encoded = uniswapV2ToV3.encode(ready, new Map([[permitKey(PAIR), signed]]));
    expect(encoded.route).toBe(routeId("UniswapV2ToV3"));
    const params = decodeParams(encoded.params);
    expect(params.lpAmount).toBe(5n * 10n ** 17n);
    expect(params.permit).toEqual(signed);
    expect(params).toEqual({ ...ready.plan.params, permit: signed });
    expect(
      decodeParams(uniswapV2ToV3.encode(ready, new Map()).params).permit,
      "unsigned: an approval stands in",
    ).toEqual(NO_PERMIT);
  });

  it("asks for one exact approval, under the same key as the permit it replaces", () => {
    const ready = plan({ ...DEFAULT_DRAFT, percentage: "50" });
    const [approval, ...more] = uniswapV2ToV3.approvals(ready, MIGRATOR);
    expect(more).toEqual([]);
    expect(approval?.key).toBe(permitKey(PAIR));
    expect(approval?.call.to).toBe(PAIR);
    expect(decodeFunctionData({ abi: erc20Abi, data: approval?.call.data ?? "0x" }).args).toEqual([
      MIGRATOR,
      5n * 10n ** 17n,
    ]);
  });

  it("summarises the leg for the review: its source, its destination, the share of its value that moves", () => {
    const prices = new Map([
      [WETH.toLowerCase(), 2_000n * 10n ** 8n],
      [USDC.toLowerCase(), 10n ** 8n],
    ]);
    const half = uniswapV2ToV3.summary(plan({ ...DEFAULT_DRAFT, percentage: "50" }));
    expect(half).toMatchObject({ source: PAIR, name: "WETH / USDC", destination: "Mints a new V3 position" });
    expect(half.addsTo).toBeUndefined();
    // Half of $2,000 + $3,000.
    expect(half.valueUsd(prices)).toBe(2_500);
    expect(half.valueUsd(undefined), "unpriced").toBe(0);
  });

  it("refuses a share too small to move", () => {
    const planned = uniswapV2ToV3.plan({
      position: { ...position, lpBalance: 1n },
      draft: { ...DEFAULT_DRAFT, percentage: "1" },
      pool: NO_POOL,
      held: [],
      slippageBps: 50,
      chainId: 31337,
    });
    expect(planned).toEqual({ ok: false, error: "That share of the position is too small to migrate." });
  });
});
