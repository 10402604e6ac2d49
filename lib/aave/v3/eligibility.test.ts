import { type Address, parseUnits } from "viem";
import { describe, expect, it } from "vitest";
import {
  borrowableInEMode,
  eligibility,
  getBorrowableInIsolation,
  getCaps,
  getDebtCeiling,
  getFlags,
  getParams,
  type MigrationAmount,
  type V3Eligibility,
  type V3ReserveStatus,
} from "./eligibility";
import { openV3Reserve } from "./eligibility.testing";

describe("ReserveConfiguration getters", () => {
  // Packed as ReserveConfiguration's setters do, field by field at its bit positions.
  const field = (value: bigint, start: bigint) => value << start;
  const data =
    field(7700n, 0n) |
    field(8000n, 16n) |
    field(10450n, 32n) |
    field(6n, 48n) |
    field(1n, 56n) | // active
    field(1n, 58n) | // borrowing
    field(1n, 61n) | // borrowable in isolation
    field(1000n, 64n) |
    field(4_000_000n, 80n) |
    field(5_000_000n, 116n) |
    field(1n, 168n) |
    field(100_000_000n, 212n);

  it("reads each field from its bits", () => {
    expect(getParams(data)).toEqual({
      ltv: 7700n,
      liquidationThreshold: 8000n,
      liquidationBonus: 10450n,
      decimals: 6,
      reserveFactor: 1000n,
      eModeCategory: 1,
    });
    expect(getFlags(data)).toEqual({
      active: true,
      frozen: false,
      borrowingEnabled: true,
      stableBorrowingEnabled: false,
      paused: false,
    });
    expect(getCaps(data)).toEqual({ borrowCap: 4_000_000n, supplyCap: 5_000_000n });
    expect(getDebtCeiling(data)).toBe(100_000_000n);
    expect(getBorrowableInIsolation(data)).toBe(true);
  });

  it("reads frozen and paused", () => {
    expect(getFlags(data | (1n << 57n)).frozen).toBe(true);
    expect(getFlags(data | (1n << 60n)).paused).toBe(true);
  });
});

describe("borrowableInEMode", () => {
  // A V3.2+ word (aave-v3-origin ReserveConfiguration): bit 59 (stable borrowing) and bits 168–175 (e-mode category)
  // are unused holes; every other field sits where V3.0 has it.
  const field = (value: bigint, start: bigint) => value << start;
  const v32 =
    field(7700n, 0n) |
    field(8000n, 16n) |
    field(10450n, 32n) |
    field(6n, 48n) |
    field(1n, 56n) | // active
    field(1n, 58n) | // borrowing
    field(1n, 63n) | // flash loans
    field(1000n, 64n) |
    field(4_000_000n, 80n) |
    field(5_000_000n, 116n) |
    field(1000n, 152n);
  const RESERVE_ID = 9;

  it("reads the same fields from a V3.2+ word as from a V3.0 one", () => {
    expect(getParams(v32)).toMatchObject({ ltv: 7700n, decimals: 6, reserveFactor: 1000n, eModeCategory: 0 });
    expect(getFlags(v32)).toMatchObject({ active: true, borrowingEnabled: true, frozen: false, paused: false });
    expect(getCaps(v32)).toEqual({ borrowCap: 4_000_000n, supplyCap: 5_000_000n });
    expect(getDebtCeiling(v32)).toBe(0n);
  });

  it("on V3.2+, follows the category's borrowable bitmap and ignores bits 168-175", () => {
    const listed = { category: 1, borrowableBitmap: (1n << 5n) | (1n << BigInt(RESERVE_ID)) };
    const unlisted = { category: 1, borrowableBitmap: 1n << 5n };
    // Category 0 in bits 168–175: the V3.0 reading would refuse this borrow.
    expect(borrowableInEMode(v32, RESERVE_ID, listed)).toBe(true);
    expect(borrowableInEMode(v32, RESERVE_ID, unlisted)).toBe(false);
    // A stale category 1 in bits 168–175 does not let an unlisted reserve through.
    expect(borrowableInEMode(v32 | field(1n, 168n), RESERVE_ID, unlisted)).toBe(false);
  });

  it("on V3.0/V3.1 (no bitmap), compares the reserve's category with the user's", () => {
    const legacy = { category: 1, borrowableBitmap: undefined };
    expect(borrowableInEMode(v32 | field(1n, 168n), RESERVE_ID, legacy)).toBe(true);
    expect(borrowableInEMode(v32 | field(2n, 168n), RESERVE_ID, legacy)).toBe(false);
    expect(borrowableInEMode(v32, RESERVE_ID, legacy)).toBe(false);
  });

  it("allows everything outside e-mode", () => {
    expect(borrowableInEMode(v32 | field(2n, 168n), RESERVE_ID, { category: 0, borrowableBitmap: undefined })).toBe(
      true,
    );
    expect(borrowableInEMode(v32, RESERVE_ID, { category: 0, borrowableBitmap: 0n })).toBe(true);
  });
});

const address = (n: number) => `0x${n.toString(16).padStart(40, "0")}` as Address;
const WETH = address(1);
const USDC = address(2);
const LINK = address(3);

const status = openV3Reserve;

const market = (reserves: V3ReserveStatus[], userEModeCategory = 0): V3Eligibility => ({ userEModeCategory, reserves });
const supply = (asset: Address, amount: bigint): MigrationAmount => ({ asset, supply: amount, borrow: 0n });
const borrow = (asset: Address, amount: bigint): MigrationAmount => ({ asset, supply: 0n, borrow: amount });
const weth = (amount: string) => parseUnits(amount, 18);
const usdc = (amount: string) => parseUnits(amount, 6);

describe("eligibility", () => {
  it("lets an open market take supply and debt", () => {
    const rows = eligibility(market([status(WETH, "WETH", 18), status(USDC, "USDC", 6)]), [
      supply(WETH, weth("10")),
      borrow(USDC, usdc("10000")),
    ]);
    expect(rows).toEqual([
      { asset: WETH, symbol: "WETH", ok: true, reason: "WETH can move to Aave V3." },
      { asset: USDC, symbol: "USDC", ok: true, reason: "USDC can move to Aave V3." },
    ]);
  });

  it("ignores assets nothing moves for", () => {
    expect(eligibility(market([]), [supply(WETH, 0n)])).toEqual([]);
  });

  it.each([
    [{ exists: false }, "WETH is not listed on Aave V3, so it cannot move there."],
    [{ active: false }, "WETH is not active on Aave V3: it takes no supply or borrowing."],
    [{ paused: true }, "WETH is paused on Aave V3: supply, borrowing and withdrawals are stopped for now."],
    [{ frozen: true }, "WETH is frozen on Aave V3: it cannot receive new supply or new borrowing."],
  ])("blocks a reserve with %o", (overrides, reason) => {
    const rows = eligibility(market([status(WETH, "WETH", 18, overrides)]), [supply(WETH, weth("1"))]);
    expect(rows).toEqual([{ asset: WETH, symbol: "WETH", ok: false, reason }]);
  });

  it("reports an asset the market does not know by its address", () => {
    const [row] = eligibility(market([]), [supply(WETH, weth("1"))]);
    expect(row).toMatchObject({ symbol: WETH, ok: false });
  });

  it("blocks supply above the room under the cap, and allows it up to the room", () => {
    const capped = market([status(WETH, "WETH", 18, { supplyCap: 30n, supplyRoom: weth("5") })]);
    expect(eligibility(capped, [supply(WETH, weth("5"))])[0]?.ok).toBe(true);
    expect(eligibility(capped, [supply(WETH, weth("5.5"))])).toEqual([
      {
        asset: WETH,
        symbol: "WETH",
        ok: false,
        reason:
          "WETH has reached its supply cap on Aave V3: it has room for 5 WETH, the migration would supply 5.5 WETH.",
      },
    ]);
  });

  it("blocks debt above the borrow cap and debt in an asset V3 does not lend", () => {
    const rows = eligibility(
      market([status(USDC, "USDC", 6, { borrowingEnabled: false, borrowCap: 100n, borrowRoom: usdc("100") })]),
      [borrow(USDC, usdc("150"))],
    );
    expect(rows.map((row) => [row.ok, row.reason])).toEqual([
      [false, "Borrowing USDC is disabled on Aave V3, so your USDC debt cannot move there."],
      [false, "USDC has reached its borrow cap on Aave V3: it has room for 100 USDC, your debt is 150 USDC."],
    ]);
  });

  it("blocks debt outside the user's e-mode category", () => {
    const reserves = [status(WETH, "WETH", 18, { borrowableInUserEMode: false }), status(USDC, "USDC", 6)];
    expect(eligibility(market(reserves, 1), [borrow(USDC, usdc("1"))])[0]?.ok).toBe(true);
    expect(eligibility(market(reserves, 1), [borrow(WETH, weth("1"))])).toEqual([
      {
        asset: WETH,
        symbol: "WETH",
        ok: false,
        reason:
          "Your Aave V3 account uses e-mode category 1 and WETH is not in it, so Aave V3 will not let you borrow WETH. Turn e-mode off on Aave V3 first.",
      },
    ]);
  });

  describe("isolation mode", () => {
    const ceiling = 1_000_000n * 100n;
    const isolated = status(LINK, "LINK", 18, { debtCeiling: ceiling, isolationModeTotalDebt: ceiling - 50_000n });
    const reserves = [isolated, status(WETH, "WETH", 18), status(USDC, "USDC", 6, { borrowableInIsolation: true })];
    const limits =
      "LINK is an isolation-mode asset on Aave V3: as your only collateral it can back debt only in assets Aave allows in isolation, up to a $1,000,000 debt ceiling shared by all its borrowers";

    it("explains the restriction when the debt is allowed and fits under the ceiling", () => {
      const [row] = eligibility(market(reserves), [supply(LINK, weth("1000")), borrow(USDC, usdc("500"))]);
      expect(row).toEqual({ asset: LINK, symbol: "LINK", ok: true, reason: `${limits}.` });
    });

    it("blocks debt the ceiling has no room for ($500 left)", () => {
      const [row] = eligibility(market(reserves), [supply(LINK, weth("1000")), borrow(USDC, usdc("500.01"))]);
      expect(row).toEqual({
        asset: LINK,
        symbol: "LINK",
        ok: false,
        reason: `${limits}; only $500 of it is left and your debt is $500.01.`,
      });
    });

    it("blocks debt in an asset not borrowable in isolation", () => {
      const [row] = eligibility(market(reserves), [supply(LINK, weth("1000")), borrow(WETH, weth("1"))]);
      expect(row).toMatchObject({ ok: false, reason: `${limits}, and WETH is not one of them.` });
    });

    it("blocks moving it together with other collateral", () => {
      const [row] = eligibility(market(reserves), [supply(LINK, weth("1000")), supply(WETH, weth("1"))]);
      expect(row?.ok).toBe(false);
      expect(row?.reason).toMatch(/^LINK is an isolation-mode asset on Aave V3: it can only be collateral on its own/);
    });

    it("blocks moving it alone when the user already has collateral on V3", () => {
      const existing = {
        totalCollateral: 1n,
        totalDebt: 0n,
        ltv: 8000n,
        liquidationThreshold: 8250n,
        healthFactor: 0n,
      };
      const withCollateral: V3Eligibility = { ...market(reserves), userAccount: existing };
      expect(eligibility(market(reserves), [supply(LINK, weth("1000"))])[0]?.ok).toBe(true);
      expect(eligibility(withCollateral, [supply(LINK, weth("1000"))])[0]?.ok).toBe(false);
    });
  });
});
