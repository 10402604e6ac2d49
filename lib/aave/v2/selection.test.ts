import { describe, expect, it } from "vitest";
import { isMoving, MOVE_EVERYTHING, withMoving } from "./selection";

const WETH = "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2";
const USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";

describe("Aave reserve selection", () => {
  it("moves every reserve until one is unticked", () => {
    expect(isMoving(MOVE_EVERYTHING, "supply", WETH)).toBe(true);
    expect(isMoving(MOVE_EVERYTHING, "debt", USDC)).toBe(true);
  });

  it("keeps an unticked side on V2 and only that side", () => {
    const kept = withMoving(MOVE_EVERYTHING, "supply", WETH, false);
    expect(kept).toEqual({ supply: [WETH], debt: [] });
    expect(isMoving(kept, "supply", WETH)).toBe(false);
    expect(isMoving(kept, "debt", WETH)).toBe(true);
    expect(isMoving(kept, "supply", USDC)).toBe(true);
  });

  it("compares addresses whatever their case, and ticking again moves it again", () => {
    const kept = withMoving(MOVE_EVERYTHING, "debt", USDC, false);
    expect(isMoving(kept, "debt", USDC.toLowerCase() as `0x${string}`)).toBe(false);
    const twice = withMoving(kept, "debt", USDC.toLowerCase() as `0x${string}`, false);
    expect(twice.debt, "no duplicate entry").toHaveLength(1);
    expect(withMoving(twice, "debt", USDC, true)).toEqual(MOVE_EVERYTHING);
  });
});
