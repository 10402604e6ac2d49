import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import { addressesFor } from "../../chain/addresses";
import { v4PoolName } from "./poolNames";

const { uniswapV4, tokens } = addressesFor(31337);
const book = tokens as Record<string, Address>;

describe("v4PoolName", () => {
  it("names the world's pools from their keys, native ETH as ETH", () => {
    expect(v4PoolName(uniswapV4.pools.ETH_USDC_500, book)).toBe("ETH/USDC 0.05% · V4");
    expect(v4PoolName(uniswapV4.pools.WETH_USDC_3000, book)).toBe("WETH/USDC 0.30% · V4");
    expect(v4PoolName(uniswapV4.pools.DAI_USDC_100, book)).toBe("DAI/USDC 0.01% · V4");
  });

  it("says when a pool has a hook or a dynamic fee, and names unlisted tokens by address", () => {
    const hooks = "0x00000000000000000000000000000000000000c0" as Address;
    const stranger = "0x1234567890abcdef1234567890abcdef12345678" as Address;
    expect(v4PoolName({ ...uniswapV4.pools.ETH_USDC_500, hooks }, book)).toBe("ETH/USDC 0.05% · V4 · hook 0x0000…00c0");
    expect(v4PoolName({ ...uniswapV4.pools.WETH_USDC_3000, currency1: stranger, fee: 0x800000 }, book)).toBe(
      "WETH/0x1234…5678 dynamic fee · V4",
    );
    expect(v4PoolName({ ...uniswapV4.pools.WETH_USDC_3000, fee: 50 }, book)).toBe("WETH/USDC 0.005% · V4");
  });
});
