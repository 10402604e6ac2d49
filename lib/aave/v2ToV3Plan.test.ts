import { decodeFunctionData, erc20Abi, getAddress, parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import { aaveV3VariableDebtTokenAbi } from "../generated/abis";
import { NO_PERMIT } from "../migrator/encoding";
import { MAX_UINT256 } from "./healthFactor";
import type { AaveV2Position, AaveV2Reserve } from "./v2/positions";
import { type KeptOnV2, MOVE_EVERYTHING, withMoving } from "./v2/selection";
import { aaveAuthorizationCalls, aaveMigrationParams, planAaveMigration } from "./v2ToV3Plan";
import type { V3Eligibility } from "./v3/eligibility";
import { openV3Reserve } from "./v3/eligibility.testing";

const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as const;
const wad = (value: string) => parseUnits(value, 18);
const usd = (dollars: number) => BigInt(dollars) * 10n ** 8n;

// ETH at $2,000 (a stablecoin is 5e14 wei on V2). 10 WETH ($20,000) and 4,000 DAI supplied, 10,000 USDC owed.
const [WETH, USDC, DAI] = [address(1), address(2), address(3)];
const v2Reserve = (
  asset: `0x${string}`,
  symbol: string,
  decimals: number,
  amounts: { supplied?: string; variableDebt?: string },
  terms: { priceEth: bigint; priceUsd: bigint; liquidationThreshold: bigint },
): AaveV2Reserve => {
  const supplied = parseUnits(amounts.supplied ?? "0", decimals);
  const variableDebt = parseUnits(amounts.variableDebt ?? "0", decimals);
  const unit = 10n ** BigInt(decimals);
  return {
    asset,
    symbol,
    decimals,
    tokens: { aToken: address(0xa0 + Number(asset)), stableDebtToken: address(0xb0), variableDebtToken: address(0xc0) },
    supplied,
    stableDebt: 0n,
    variableDebt,
    usedAsCollateral: supplied > 0n,
    ltv: terms.liquidationThreshold - 500n,
    ...terms,
    suppliedUsd: (supplied * terms.priceUsd) / unit,
    debtUsd: (variableDebt * terms.priceUsd) / unit,
  };
};
const stable = { priceEth: 5n * 10n ** 14n, priceUsd: usd(1) };
const position: AaveV2Position = {
  owner: address(0xace),
  reserves: [
    v2Reserve(
      WETH,
      "WETH",
      18,
      { supplied: "10" },
      { priceEth: wad("1"), priceUsd: usd(2000), liquidationThreshold: 8250n },
    ),
    v2Reserve(USDC, "USDC", 6, { variableDebt: "10000" }, { ...stable, liquidationThreshold: 8000n }),
    v2Reserve(DAI, "DAI", 18, { supplied: "4000" }, { ...stable, liquidationThreshold: 7700n }),
  ],
  account: {
    totalCollateralEth: wad("12"),
    totalDebtEth: wad("5"),
    availableBorrowsEth: 0n,
    liquidationThreshold: 8158n,
    ltv: 7658n,
    healthFactor: wad("1.95792"),
  },
};

// On V3 WETH's threshold is lower (80 %); every reserve is open, uncapped and not isolated.
const v3: V3Eligibility = {
  userEModeCategory: 0,
  reserves: [
    openV3Reserve(WETH, "WETH", 18, { liquidationThreshold: 8000n }),
    openV3Reserve(USDC, "USDC", 6, { liquidationThreshold: 7800n }),
    openV3Reserve(DAI, "DAI", 18, { liquidationThreshold: 7700n }),
  ],
};
const V3_USDC_DEBT_TOKEN = address(0xdeb7);
const MIGRATOR = getAddress(address(0xf));

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

    expect(aaveMigrationParams(result, [])).toEqual({
      collateral: [{ asset: WETH, permit: NO_PERMIT }],
      debt: [{ asset: USDC, delegation: NO_PERMIT }],
      minHealthFactor: wad("1.1"),
      minSourceHealthFactor: wad("1.1"),
    });
    const calls = aaveAuthorizationCalls(result, MIGRATOR);
    expect(calls.map(({ to }) => to)).toEqual([result.supplies[0]?.token, V3_USDC_DEBT_TOKEN]);
    expect(decodeFunctionData({ abi: erc20Abi, data: calls[0]?.data ?? "0x" }).args).toEqual([
      MIGRATOR,
      wad("10.1"), // 1 % more: the aToken balance grows until the transaction lands
    ]);
    const delegation = decodeFunctionData({ abi: aaveV3VariableDebtTokenAbi, data: calls[1]?.data ?? "0x" });
    expect(delegation.functionName).toBe("approveDelegation");
    expect(delegation.args).toEqual([MIGRATOR, parseUnits("10100", 6)]);
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
