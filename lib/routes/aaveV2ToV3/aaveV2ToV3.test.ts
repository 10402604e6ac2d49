import { type Address, decodeAbiParameters, decodeFunctionData, erc20Abi, getAbiItem, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { MOVE_EVERYTHING, withMoving } from "../../aave/v2/selection";
import {
  address,
  DAI,
  MIGRATOR,
  position,
  USDC,
  V3_USDC_DEBT_TOKEN,
  v3,
  WETH,
  wad,
} from "../../aave/v2ToV3Plan.testing";
import { aaveV3VariableDebtTokenAbi, iAaveV2ToV3RouteParamsAbi } from "../../generated/abis";
import { NO_PERMIT, type PermitSignature } from "../../migrator/encoding";
import { routeId } from "../routeIds";
import { delegationKey, permitKey } from "../types";
import { aaveV2ToV3 } from ".";

const POOL = address(0x9001);
const sources = { pool: POOL, position, v3, v3Reserves: { USDC: { variableDebtToken: V3_USDC_DEBT_TOKEN } } };
const plannedOrThrow = (kept = MOVE_EVERYTHING) => {
  const planned = aaveV2ToV3.plan({ sources, minHealthFactor: wad("1.1"), kept });
  if (!planned.ok) throw new Error(planned.error);
  return planned.plan;
};
const decodeParams = (params: Hex) =>
  decodeAbiParameters(getAbiItem({ abi: iAaveV2ToV3RouteParamsAbi, name: "encode" }).inputs, params)[0];
const signature = (n: number): PermitSignature => ({
  value: BigInt(n),
  deadline: 1_000n,
  v: 27,
  r: `0x${n.toString(16).padStart(64, "0")}`,
  s: `0x${n.toString(16).padStart(64, "0")}`,
});
const aToken = (asset: Address) => position.reserves.find((r) => r.asset === asset)?.tokens.aToken as Address;

describe("the Aave V2 → V3 adapter", () => {
  it("puts each signature in the slot of the token it was made for, whatever order the book holds them in", () => {
    const plan = plannedOrThrow();
    const book = new Map([
      [delegationKey(V3_USDC_DEBT_TOKEN), signature(3)],
      [permitKey(aToken(DAI)), signature(2)],
      [permitKey(aToken(WETH)), signature(1)],
    ]);
    const encoded = aaveV2ToV3.encode(plan, book);
    expect(encoded.route).toBe(routeId("AaveV2ToV3"));
    expect(decodeParams(encoded.params)).toEqual({
      collateral: [
        { asset: WETH, permit: signature(1) },
        { asset: DAI, permit: signature(2) },
      ],
      debt: [{ asset: USDC, delegation: signature(3) }],
      minHealthFactor: wad("1.1"),
      minSourceHealthFactor: wad("1.1"),
    });
  });

  it("encodes a missing signature as no permit, and keys one approval or delegation per signature it replaces", () => {
    const plan = plannedOrThrow(withMoving(MOVE_EVERYTHING, "supply", DAI, false));
    expect(decodeParams(aaveV2ToV3.encode(plan, new Map()).params)).toEqual({
      collateral: [{ asset: WETH, permit: NO_PERMIT }],
      debt: [{ asset: USDC, delegation: NO_PERMIT }],
      minHealthFactor: wad("1.1"),
      minSourceHealthFactor: wad("1.1"),
    });
    const approvals = aaveV2ToV3.approvals(plan, MIGRATOR);
    expect(approvals.map(({ key }) => key)).toEqual([permitKey(aToken(WETH)), delegationKey(V3_USDC_DEBT_TOKEN)]);
    expect(approvals.map(({ call }) => call.to)).toEqual([aToken(WETH), V3_USDC_DEBT_TOKEN]);
    // 1 % more than today's balances: the aToken balance and the debt grow until the transaction lands.
    expect(decodeFunctionData({ abi: erc20Abi, data: approvals[0]?.call.data ?? "0x" }).args).toEqual([
      MIGRATOR,
      wad("10.1"),
    ]);
    expect(decodeFunctionData({ abi: aaveV3VariableDebtTokenAbi, data: approvals[1]?.call.data ?? "0x" }).args).toEqual(
      [MIGRATOR, 10_100_000_000n],
    );
  });

  it("refuses a debt whose asset has no Aave V3 reserve in the address book, instead of throwing", () => {
    const planned = aaveV2ToV3.plan({
      sources: { ...sources, v3Reserves: {} },
      minHealthFactor: wad("1.1"),
      kept: MOVE_EVERYTHING,
    });
    expect(planned).toEqual({ ok: false, error: "USDC has no Aave V3 reserve in the address book." });
  });

  it("names the V2 pool as the leg's source, as the LendingMigrated event does, and values it at the oracle", () => {
    const summary = aaveV2ToV3.summary(plannedOrThrow());
    expect(summary.source).toBe(POOL);
    // $20,000 of WETH + $4,000 of DAI + $10,000 of USDC debt, all carried by the transaction.
    expect(summary.valueUsd(undefined)).toBe(34_000);
  });
});
