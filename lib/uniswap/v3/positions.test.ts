import type { Address } from "viem";
import { describe, expect, it } from "vitest";
import {
  chosenDestination,
  type HeldV3Position,
  matchingPositions,
  type PositionsResult,
  parsePosition,
} from "./positions";

const WETH: Address = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
const USDC: Address = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
const DAI: Address = "0x6B175474E89094C44Da98b954EedeAC495271d0F";

const held = (tokenId: bigint, token0: Address, token1: Address, fee: number): HeldV3Position => ({
  tokenId,
  token0,
  token1,
  fee,
  tickLower: -1000,
  tickUpper: 1000,
  liquidity: 1n,
});

describe("parsePosition", () => {
  it("takes the pool and range out of NonfungiblePositionManager.positions", () => {
    const result: PositionsResult = [
      0n,
      "0x0000000000000000000000000000000000000000",
      USDC,
      WETH,
      500,
      -201_050,
      -199_050,
      123_456_789n,
      1n,
      2n,
      3n,
      4n,
    ];
    expect(parsePosition(42n, result)).toEqual({
      tokenId: 42n,
      token0: USDC,
      token1: WETH,
      fee: 500,
      tickLower: -201_050,
      tickUpper: -199_050,
      liquidity: 123_456_789n,
    });
  });
});

describe("matchingPositions", () => {
  const positions = [
    held(9n, USDC, WETH, 500),
    held(3n, USDC, WETH, 3000),
    held(2n, USDC, WETH, 500),
    held(5n, DAI, USDC, 500),
    held(7n, WETH, USDC, 500),
  ];

  it("keeps the positions of the same tokens and fee tier, lowest id first", () => {
    expect(matchingPositions(positions, USDC, WETH, 500).map((p) => p.tokenId)).toEqual([2n, 9n]);
    expect(matchingPositions(positions, USDC, WETH, 3000).map((p) => p.tokenId)).toEqual([3n]);
  });

  it("compares addresses whatever their case", () => {
    const lower = matchingPositions(positions, USDC.toLowerCase() as Address, WETH.toLowerCase() as Address, 500);
    expect(lower.map((p) => p.tokenId)).toEqual([2n, 9n]);
  });

  it("offers nothing for a fee tier or pair the user holds no position in", () => {
    expect(matchingPositions(positions, USDC, WETH, 10_000)).toEqual([]);
    expect(matchingPositions(positions, DAI, WETH, 500)).toEqual([]);
    expect(matchingPositions([], USDC, WETH, 500)).toEqual([]);
  });
});

describe("chosenDestination", () => {
  const positions = [held(2n, USDC, WETH, 500), held(3n, USDC, WETH, 3000)];

  it("is no held position for 0n: the Migrator mints", () => {
    expect(chosenDestination(positions, USDC, WETH, 500, 0n)).toEqual({ ok: true, value: undefined });
  });

  it("is the held position of that id in the pool", () => {
    expect(chosenDestination(positions, USDC, WETH, 500, 2n)).toEqual({ ok: true, value: positions[0] });
  });

  it("refuses an id held in another fee tier, or not held", () => {
    const error = "You hold no position #3 in this pool: choose another destination.";
    expect(chosenDestination(positions, USDC, WETH, 500, 3n)).toEqual({ ok: false, error });
    expect(chosenDestination([], USDC, WETH, 3000, 3n)).toEqual({ ok: false, error });
  });
});
