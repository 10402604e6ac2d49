import { readFileSync } from "node:fs";
import { AaveV2Ethereum, AaveV3Ethereum } from "@aave-dao/aave-address-book";
import { PERMIT2_ADDRESS } from "@uniswap/permit2-sdk";
import { CHAIN_TO_ADDRESSES_MAP, V2_FACTORY_ADDRESSES, V2_ROUTER_ADDRESSES, WETH9 } from "@uniswap/sdk-core";
import { POOL_INIT_CODE_HASH } from "@uniswap/v3-sdk";
import { type Address, encodeAbiParameters, encodePacked, getCreate2Address, isAddress, keccak256 } from "viem";
import { describe, expect, it } from "vitest";
import { addressesFor } from "./addresses";
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

  it("holds UniswapV2Pair's creation code hash as @uniswap/v2-core builds it", () => {
    const { bytecode } = JSON.parse(readFileSync("node_modules/@uniswap/v2-core/build/UniswapV2Pair.json", "utf8"));
    expect(book.uniswapV2.pairInitCodeHash).toBe(keccak256(`0x${bytecode}`));
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

describe("chain 1 in lib/addresses.json (fork mode's book)", () => {
  // What the world build wrote, against the address-book packages read here directly.
  const chain1 = addressesFor(1);
  const lower = (value: unknown): unknown =>
    typeof value === "string"
      ? value.toLowerCase()
      : Object.fromEntries(Object.entries(value as object).map(([key, inner]) => [key, lower(inner)]));
  const uniswap = CHAIN_TO_ADDRESSES_MAP[1];

  it("has Aave V2 and V3 Ethereum as @aave-dao/aave-address-book lists them", () => {
    expect(lower(chain1.aaveV2)).toEqual(
      lower({
        addressesProvider: AaveV2Ethereum.POOL_ADDRESSES_PROVIDER,
        pool: AaveV2Ethereum.POOL,
        dataProvider: AaveV2Ethereum.AAVE_PROTOCOL_DATA_PROVIDER,
        oracle: AaveV2Ethereum.ORACLE,
      }),
    );
    expect(lower(chain1.aaveV3)).toEqual(
      lower({
        addressesProvider: AaveV3Ethereum.POOL_ADDRESSES_PROVIDER,
        pool: AaveV3Ethereum.POOL,
        dataProvider: AaveV3Ethereum.AAVE_PROTOCOL_DATA_PROVIDER,
        oracle: AaveV3Ethereum.ORACLE,
      }),
    );
  });

  it("has each token as Aave V3 Ethereum's reserve underlying, WETH as sdk-core's WETH9", () => {
    for (const [symbol, address] of Object.entries(chain1.tokens)) {
      const asset = AaveV3Ethereum.ASSETS[symbol as keyof typeof AaveV3Ethereum.ASSETS];
      expect(address.toLowerCase(), symbol).toBe(asset.UNDERLYING.toLowerCase());
    }
    expect(chain1.tokens.WETH.toLowerCase()).toBe(WETH9[1]?.address.toLowerCase());
  });

  it("has Uniswap V2, V3 and V4 as @uniswap/sdk-core, v3-sdk and permit2-sdk list them", () => {
    expect(lower([chain1.uniswapV2.factory, chain1.uniswapV2.router])).toEqual(
      lower([V2_FACTORY_ADDRESSES[1], V2_ROUTER_ADDRESSES[1]]),
    );
    expect(
      lower([
        chain1.uniswapV3.factory,
        chain1.uniswapV3.positionManager,
        chain1.uniswapV3.migrator,
        chain1.uniswapV3.poolInitCodeHash,
      ]),
    ).toEqual(
      lower([
        uniswap.v3CoreFactoryAddress,
        uniswap.nonfungiblePositionManagerAddress,
        uniswap.v3MigratorAddress,
        POOL_INIT_CODE_HASH,
      ]),
    );
    const v4 = chain1.uniswapV4;
    expect(lower([v4.permit2, v4.poolManager, v4.positionManager, v4.stateView, v4.quoter])).toEqual(
      lower([
        PERMIT2_ADDRESS,
        uniswap.v4PoolManagerAddress,
        uniswap.v4PositionManagerAddress,
        uniswap.v4StateView,
        uniswap.v4QuoterAddress,
      ]),
    );
  });
});
