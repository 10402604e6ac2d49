import type { Hex } from "viem";
import { describe, expect, it } from "vitest";
import { addressesFor } from "../chain/addresses";
import { destinationPoolName } from "./poolName";

const { aaveV3, uniswapV3, uniswapV4 } = addressesFor(31337);

describe("destinationPoolName", () => {
  it("names V4 pools by their key, V3 pools by their address, and Aave's pool", () => {
    const { id, ...key } = uniswapV4.pools.ETH_USDC_500;
    expect(destinationPoolName(31337, id, key)).toBe("ETH/USDC 0.05% · V4");
    expect(destinationPoolName(31337, uniswapV3.pools.WETH_USDC_3000)).toBe("WETH/USDC 0.30%");
    expect(destinationPoolName(31337, aaveV3.pool)).toBe("Aave V3");
  });

  it("shortens what it cannot name: a V4 PoolId without its key, an unknown address", () => {
    expect(destinationPoolName(31337, uniswapV4.pools.WETH_USDC_3000.id)).toBe("0xa77f…7df6");
    expect(destinationPoolName(31337, "0x00000000000000000000000000000000000000ff" as Hex)).toBe("0x0000…00ff");
  });
});
