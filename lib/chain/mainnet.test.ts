import { type Address, encodeAbiParameters, encodePacked, getCreate2Address, isAddress, keccak256 } from "viem";
import { describe, expect, it } from "vitest";
import { MAINNET_ADDRESSES as book } from "./mainnet";

const sorted = (a: Address, b: Address): readonly [Address, Address] => (BigInt(a) < BigInt(b) ? [a, b] : [b, a]);

describe("the mainnet address book", () => {
  it("holds only checksummed addresses (a typo breaks the checksum)", () => {
    const addresses = Object.values(book).flatMap((section) =>
      Object.values(section).flatMap((value): string[] => (typeof value === "string" ? [value] : Object.values(value))),
    );
    for (const address of addresses.filter((value) => value.length === 42)) {
      expect(isAddress(address, { strict: true }), address).toBe(true);
    }
  });

  it("lists the V2 pairs the factory's CREATE2 gives for its tokens", () => {
    const { tokens, uniswapV2 } = book;
    const pairs: Record<string, readonly [Address, Address]> = {
      WETH_USDC: [tokens.WETH, tokens.USDC],
      DAI_USDC: [tokens.DAI, tokens.USDC],
      WBTC_WETH: [tokens.WBTC, tokens.WETH],
    };
    for (const [name, [a, b]] of Object.entries(pairs)) {
      const salt = keccak256(encodePacked(["address", "address"], sorted(a, b)));
      const expected = getCreate2Address({ from: uniswapV2.factory, salt, bytecodeHash: uniswapV2.pairInitCodeHash });
      expect(uniswapV2.pairs[name as keyof typeof uniswapV2.pairs], name).toBe(expected);
    }
  });

  it("lists the V3 pools the factory's CREATE2 gives for their tokens and fee", () => {
    const { tokens, uniswapV3 } = book;
    const pools = {
      WETH_USDC_500: [tokens.WETH, tokens.USDC, 500],
      WETH_USDC_3000: [tokens.WETH, tokens.USDC, 3000],
      DAI_USDC_100: [tokens.DAI, tokens.USDC, 100],
      WBTC_WETH_3000: [tokens.WBTC, tokens.WETH, 3000],
      LINK_WETH_3000: [tokens.LINK, tokens.WETH, 3000],
    } as const;
    for (const [name, [a, b, fee]] of Object.entries(pools)) {
      const [token0, token1] = sorted(a, b);
      const salt = keccak256(
        encodeAbiParameters([{ type: "address" }, { type: "address" }, { type: "uint24" }], [token0, token1, fee]),
      );
      const expected = getCreate2Address({ from: uniswapV3.factory, salt, bytecodeHash: uniswapV3.poolInitCodeHash });
      expect(uniswapV3.pools[name as keyof typeof uniswapV3.pools], name).toBe(expected);
    }
  });
});
