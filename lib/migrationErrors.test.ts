import { describe, expect, it } from "vitest";
import { migratorAbi } from "./generated/abis";
import { describeMigrationError } from "./migrationErrors";

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

  it("falls back to the raw reason for anything else", () => {
    expect(describeMigrationError(undefined, "execution reverted")).toBe(
      "The migration would fail: execution reverted",
    );
  });
});
