import { describe, expect, it } from "vitest";
import { migratorAbi } from "../generated/abis";
import { describeMigrationError } from "./errors";

describe("describeMigrationError", () => {
  it("has a sentence for every custom error of the Migrator", () => {
    const errors = migratorAbi.filter((item) => item.type === "error").map((item) => item.name);
    expect(errors.length).toBeGreaterThan(10);
    for (const name of errors) {
      expect(describeMigrationError(name, "raw"), name).not.toMatch(/^The migration would fail/);
    }
  });

  it("explains slippage in words a person acts on", () => {
    expect(describeMigrationError("WithdrawalSlippage", "")).toMatch(/price moved since the preview/);
  });

  it("tells a person a fee-on-transfer or rebasing token cannot move, and that nothing moved", () => {
    const sentence = describeMigrationError("TokenBalanceMismatch", "");
    expect(sentence).toMatch(/fee on transfer/);
    expect(sentence).toMatch(/rebasing/);
    expect(sentence).toMatch(/Nothing was moved\./);
  });

  it("falls back to the raw reason for anything else", () => {
    expect(describeMigrationError(undefined, "execution reverted")).toBe(
      "The migration would fail: execution reverted",
    );
  });
});
