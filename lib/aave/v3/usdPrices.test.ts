import { describe, expect, it } from "vitest";
import { oracleUsd, tokensUsd, usdValue } from "./usdPrices";

describe("usdValue", () => {
  it("values raw amounts at 8-decimal oracle prices", () => {
    expect(usdValue(2n * 10n ** 18n, 18, 3_000n * 10n ** 8n)).toBe(6_000);
    expect(usdValue(1_500_000n, 6, 10n ** 8n)).toBe(1.5);
    expect(usdValue(10n ** 7n, 8, 60_000n * 10n ** 8n)).toBe(6_000);
  });
});

describe("oracleUsd", () => {
  it("reads 8-decimal oracle USD amounts", () => {
    expect(oracleUsd(3_000n * 10n ** 8n)).toBe(3_000);
    expect(oracleUsd(1n)).toBe(1e-8);
  });
});

describe("tokensUsd", () => {
  const usdc = { address: "0x00000000000000000000000000000000000000Dc", decimals: 6 } as const;
  const weth = { address: "0x00000000000000000000000000000000000000eE", decimals: 18 } as const;
  const prices = new Map([[usdc.address.toLowerCase(), 10n ** 8n]]);

  it("sums amounts at their prices, or says nothing when a price is missing", () => {
    expect(tokensUsd([[2_500_000n, usdc]], prices)).toBe(2.5);
    expect(
      tokensUsd(
        [
          [2_500_000n, usdc],
          [10n ** 18n, weth],
        ],
        prices,
      ),
    ).toBeUndefined();
  });
});
