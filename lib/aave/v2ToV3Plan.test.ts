import { parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import { MAX_UINT256 } from "./healthFactor";
import { type KeptOnV2, MOVE_EVERYTHING, withMoving } from "./v2/selection";
import { planAaveMigration } from "./v2ToV3Plan";
import { DAI, position, USDC, usd, V3_USDC_DEBT_TOKEN, v3, WETH, wad } from "./v2ToV3Plan.testing";
import type { V3Eligibility } from "./v3/eligibility";

const plan = (kept: KeptOnV2, onV3: V3Eligibility = v3) =>
  planAaveMigration(position, onV3, wad("1.1"), () => V3_USDC_DEBT_TOKEN, kept);
const keep = (...sides: [side: "supply" | "debt", asset: `0x${string}`][]) =>
  sides.reduce<KeptOnV2>((kept, [side, asset]) => withMoving(kept, side, asset, false), MOVE_EVERYTHING);

describe("planAaveMigration with a selection of reserves", () => {
  it("signs, lists, approves and counts only the selected reserves", () => {
    const result = plan(keep(["supply", DAI]));
    expect(result.supplies.map(({ symbol, amount }) => [symbol, amount])).toEqual([["aWETH", wad("10")]]);
    expect(result.debts.map(({ token, amount }) => [token, amount])).toEqual([
      [V3_USDC_DEBT_TOKEN, parseUnits("10000", 6)],
    ]);
    expect(
      result.checks.map(({ symbol }) => symbol),
      "DAI is not checked: it stays",
    ).toEqual(["WETH", "USDC"]);
    // DAI alone stays on V2, without debt; V3 gets $20,000 at 80 % against $10,000.
    expect(result.after.v2.healthFactor).toBe(MAX_UINT256);
    expect(result.after.v2.totalCollateral).toBe(wad("2"));
    expect(result.after.v3.healthFactor).toBe(wad("1.6"));
    expect(result.movedUsd).toBe(usd(30_000));
    expect(result.problem).toBeUndefined();
    expect(result.sendable).toBe(true);
  });

  it("lets debt stay on V2 when the collateral left there covers it", () => {
    const result = plan(keep(["supply", WETH], ["debt", USDC]));
    // V2: 10 ETH × 82.5 % / 5 ETH of USDC.
    expect(result.after.v2.healthFactor).toBe(wad("1.65"));
    expect(result.after.v3.healthFactor).toBe(MAX_UINT256);
    expect(result.supplies.map(({ symbol }) => symbol)).toEqual(["aDAI"]);
    expect(result.debts).toEqual([]);
    expect(result.sendable).toBe(true);
  });

  it("blocks collateral moved without its debt: V2 would refuse to be left unhealthy", () => {
    const result = plan(keep(["debt", USDC]));
    expect(result.after.v2.healthFactor).toBe(0n);
    expect(result.problem).toBe(
      "Your USDC debt would stay on Aave V2 with too little collateral (health factor 0.00), and Aave V2 refuses that. Move the debt too, or leave more supply on Aave V2.",
    );
    expect(result.sendable).toBe(false);
  });

  it("blocks debt moved with no collateral on V3, unless V3 already holds some", () => {
    const result = plan(keep(["supply", WETH], ["supply", DAI]));
    expect(result.problem).toBe(
      "Your USDC debt would arrive on Aave V3 with no collateral there. Move a supply with it.",
    );
    expect(result.sendable).toBe(false);

    const existing = {
      totalCollateral: usd(50_000),
      totalDebt: 0n,
      ltv: 7500n,
      liquidationThreshold: 8000n,
      healthFactor: MAX_UINT256,
    };
    const withCollateral = plan(keep(["supply", WETH], ["supply", DAI]), { ...v3, userAccount: existing });
    // $50,000 × 80 % / $10,000.
    expect(withCollateral.after.v3.healthFactor).toBe(wad("4"));
    expect(withCollateral.problem).toBeUndefined();
    expect(withCollateral.sendable).toBe(true);
  });

  it("blocks an empty selection", () => {
    const result = plan(keep(["supply", WETH], ["supply", DAI], ["debt", USDC]));
    expect(result.problem).toBe("Select at least one supply or debt to move.");
    expect(result.sendable).toBe(false);
  });

  it("leaves a V3 health factor under the minimum to the minimum's own warning", () => {
    // $4,000 of DAI at 77 % against $10,000: 0.308.
    const result = plan(keep(["supply", WETH]));
    expect(result.after.v3.healthFactor).toBe(wad("0.308"));
    expect(result.healthy).toBe(false);
    expect(result.problem).toBeUndefined();
    expect(result.sendable).toBe(false);
  });
});
