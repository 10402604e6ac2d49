import { BaseError, encodeErrorResult, type Hex } from "viem";
import { describe, expect, it } from "vitest";
import { migratorAbi } from "../generated/abis";
import { decodeRevertData, describeMigrationError, revertDataIn } from "./errors";

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

describe("decoding a revert from any path", () => {
  const deadlinePassed = encodeErrorResult({ abi: migratorAbi, errorName: "DeadlinePassed", args: [1n, 2n] });

  it("decodes the Migrator's error quoted by a wallet's gas estimate, nested in the RPC error", () => {
    // What an injected wallet returns when eth_estimateGas reverts: the data one level down, the message with calldata.
    const walletError = new BaseError("Execution reverted", {
      cause: { code: -32603, message: "execution reverted", data: { data: deadlinePassed } } as unknown as Error,
    });
    const data = revertDataIn(walletError);
    expect(data).toBe(deadlinePassed);
    expect(decodeRevertData(data as Hex)?.errorName).toBe("DeadlinePassed");
  });

  it("names an error quoted only by its selector", () => {
    const message = `Execution reverted with reason: custom error ${deadlinePassed.slice(0, 10)}: ${"ab".repeat(500)}`;
    const data = revertDataIn(new Error(message));
    expect(decodeRevertData(data as Hex)?.errorName).toBe("DeadlinePassed");
  });

  it("quotes a protocol's revert string", () => {
    const data = encodeErrorResult({
      abi: [{ type: "error", name: "Error", inputs: [{ type: "string" }] }],
      args: ["UniswapV2: EXPIRED"],
    });
    expect(decodeRevertData(data)?.reason).toBe("UniswapV2: EXPIRED");
  });

  it("never shows calldata: an unknown revert keeps its first line, hex elided", () => {
    const sentence = describeMigrationError(undefined, `reverted 0x${"ab".repeat(600)}\nRequest body: {...}`);
    expect(sentence).toBe("The migration would fail: reverted 0xabababab…");
  });
});
