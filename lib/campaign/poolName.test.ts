import type { Address, Hex } from "viem";
import { describe, expect, it } from "vitest";
import { addressesFor } from "../chain/addresses";
import { destinationPoolName } from "./poolName";

const { aaveV3, uniswapV3, uniswapV4 } = addressesFor(31337);
const keyOf = ({ id: _, ...key }: (typeof uniswapV4.pools)[keyof typeof uniswapV4.pools]) => key;

describe("destinationPoolName", () => {
  it("names V4 pools by their key (native ETH as ETH), V3 pools by their address, and Aave's pool", () => {
    const { ETH_USDC_500, WETH_USDC_3000, DAI_USDC_100 } = uniswapV4.pools;
    expect(destinationPoolName(31337, ETH_USDC_500.id, keyOf(ETH_USDC_500))).toBe("ETH / USDC 0.05% · V4");
    expect(destinationPoolName(31337, WETH_USDC_3000.id, keyOf(WETH_USDC_3000))).toBe("WETH / USDC 0.3% · V4");
    expect(destinationPoolName(31337, DAI_USDC_100.id, keyOf(DAI_USDC_100))).toBe("DAI / USDC 0.01% · V4");
    expect(destinationPoolName(31337, uniswapV3.pools.WETH_USDC_3000)).toBe("WETH/USDC 0.30%");
    expect(destinationPoolName(31337, aaveV3.pool)).toBe("Aave V3");
  });

  it("names a V4 pool's key as the indexer stores it (lower case), with its hook and unlisted currencies", () => {
    const { ETH_USDC_500, WETH_USDC_3000 } = uniswapV4.pools;
    const lower = { ...keyOf(WETH_USDC_3000), currency1: WETH_USDC_3000.currency1.toLowerCase() as Address };
    expect(destinationPoolName(31337, WETH_USDC_3000.id, lower)).toBe("WETH / USDC 0.3% · V4");
    const hooks = "0x00000000000000000000000000000000000000c0" as Address;
    const stranger = "0x1234567890abcdef1234567890abcdef12345678" as Address;
    expect(destinationPoolName(31337, ETH_USDC_500.id, { ...keyOf(ETH_USDC_500), currency1: stranger, hooks })).toBe(
      `ETH / 0x1234…5678 0.05% (hook ${hooks}) · V4`,
    );
  });

  it("shortens what it cannot name: a V4 PoolId without its key, an unknown address", () => {
    expect(destinationPoolName(31337, uniswapV4.pools.WETH_USDC_3000.id)).toBe("0xa77f…7df6");
    expect(destinationPoolName(31337, "0x00000000000000000000000000000000000000ff" as Hex)).toBe("0x0000…00ff");
  });
});
