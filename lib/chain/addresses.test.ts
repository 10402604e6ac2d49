import { isAddress } from "viem";
import { describe, expect, it } from "vitest";
import { addressesFor, supportedChainIds } from "./addresses";
import { MAINNET_ADDRESSES } from "./mainnet";

describe("addressesFor", () => {
  it("returns the world's addresses for chain 31337", () => {
    const world = addressesFor(31337);
    expect(isAddress(world.tokens.WETH)).toBe(true);
    expect(isAddress(world.aaveV3.reserves.USDC.variableDebtToken)).toBe(true);
    expect(world.uniswapV4.pools.ETH_USDC_500.fee).toBe(500);
  });

  it("serves the mainnet address book for chain 1", () => {
    expect(addressesFor(1)).toEqual(MAINNET_ADDRESSES);
  });

  it("names the unknown chain and the known ones", () => {
    expect(supportedChainIds()).toContain(31337);
    expect(() => addressesFor(999)).toThrow(/no addresses for chain 999 .*known: .*31337/);
  });
});
