import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { addressesFor } from "../../chain/addresses";
import { v3PoolAddress } from "./pool";
import { v3PoolName } from "./poolNames";

const { uniswapV3, tokens } = addressesFor(31337);
const book = tokens as Record<string, Address>;

describe("v3PoolName", () => {
  it("names the seeded pools as the address book does", () => {
    expect(v3PoolName(uniswapV3, book, uniswapV3.pools.DAI_USDC_100)).toBe("DAI/USDC 0.01%");
    expect(v3PoolName(uniswapV3, book, uniswapV3.pools.WETH_USDC_3000)).toBe("WETH/USDC 0.30%");
  });

  it("names a pool that a migration created, in token order, and nothing else", () => {
    const [token0, token1] = [tokens.DAI, tokens.USDC].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    const created = v3PoolAddress(uniswapV3, token0 as Address, token1 as Address, 3000);
    expect(v3PoolName(uniswapV3, book, created)).toBe("DAI/USDC 0.30%");
    expect(v3PoolName(uniswapV3, book, "0x00000000000000000000000000000000000000ff")).toBeUndefined();
  });
});
