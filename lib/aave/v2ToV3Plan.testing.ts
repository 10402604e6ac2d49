import { getAddress, parseUnits } from "viem";
import { NO_RATES } from "./apy";
import type { AaveV2Position, AaveV2Reserve } from "./v2/positions";
import type { V3Eligibility } from "./v3/eligibility";
import { openV3Reserve } from "./v3/eligibility.testing";

// For tests: an Aave V2 position of three reserves and the Aave V3 terms of its assets.
export const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as const;
export const wad = (value: string) => parseUnits(value, 18);
export const usd = (dollars: number) => BigInt(dollars) * 10n ** 8n;

// ETH at $2,000 (a stablecoin is 5e14 wei on V2). 10 WETH ($20,000) and 4,000 DAI supplied, 10,000 USDC owed.
export const [WETH, USDC, DAI] = [address(1), address(2), address(3)];
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
    rates: NO_RATES,
    ...terms,
    suppliedUsd: (supplied * terms.priceUsd) / unit,
    debtUsd: (variableDebt * terms.priceUsd) / unit,
  };
};
const stable = { priceEth: 5n * 10n ** 14n, priceUsd: usd(1) };
export const position: AaveV2Position = {
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
export const v3: V3Eligibility = {
  userEModeCategory: 0,
  reserves: [
    openV3Reserve(WETH, "WETH", 18, { liquidationThreshold: 8000n }),
    openV3Reserve(USDC, "USDC", 6, { liquidationThreshold: 7800n }),
    openV3Reserve(DAI, "DAI", 18, { liquidationThreshold: 7700n }),
  ],
};
export const V3_USDC_DEBT_TOKEN = address(0xdeb7);
export const MIGRATOR = getAddress(address(0xf));
