import { type Abi, BaseError, encodeErrorResult, getAddress, type Hex, toFunctionSelector, zeroAddress } from "viem";
import { describe, expect, it } from "vitest";
import { iUniswapV2ToV4RouteAbi, iUniswapV3ToV4RouteAbi, migratorAbi, uniswapV4ErrorsAbi } from "../generated/abis";
import { decodeRevertData, describeMigrationError, revertDataIn } from "./errors";

describe("describeMigrationError", () => {
  it("has a sentence for every custom error of the Migrator", () => {
    const errors = migratorAbi.filter((item) => item.type === "error").map((item) => item.name);
    expect(errors.length).toBeGreaterThan(10);
    for (const name of errors) {
      expect(describeMigrationError(name, "raw"), name).not.toMatch(/^The migration would fail/);
    }
  });

  it("has a sentence for every custom error of the V4 route contracts", () => {
    const errors = [...iUniswapV3ToV4RouteAbi, ...iUniswapV2ToV4RouteAbi].filter((item) => item.type === "error");
    expect(errors.map((item) => item.name)).toEqual(
      expect.arrayContaining(["HookMayTakeDeposit", "V4PoolPriceOutOfBounds", "CurrencyMismatch", "DelegateCallOnly"]),
    );
    for (const { name } of errors) {
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

type AbiError = Extract<Abi[number], { type: "error" }>;

/** A zero of an ABI type: `bytesN` as N zero bytes. */
function zeroOf(type: string): unknown {
  if (type === "address") return zeroAddress;
  if (type === "bool") return false;
  if (type === "bytes") return "0x";
  if (type.startsWith("bytes")) return `0x${"00".repeat(Number(type.slice(5)))}`;
  return 0n;
}

/** The name `decodeRevertData` finds in `error`'s revert data (with zero arguments). */
function decodedName(error: AbiError): string | undefined {
  const args = error.inputs.map((input) => zeroOf(input.type));
  return decodeRevertData(encodeErrorResult({ abi: [error], errorName: error.name, args }))?.errorName;
}

describe("decoding the reverts of a Uniswap V4 leg", () => {
  it("decodes every error of the V4 route contracts and of Uniswap V4 (PoolManager, PositionManager, libraries)", () => {
    const abi: Abi = [...iUniswapV3ToV4RouteAbi, ...iUniswapV2ToV4RouteAbi, ...uniswapV4ErrorsAbi];
    const errors = abi.filter((item): item is AbiError => item.type === "error" && item.name !== "WrappedError");
    expect(uniswapV4ErrorsAbi.map((item) => item.name)).toEqual(
      expect.arrayContaining(["CurrencyNotSettled", "TickMisaligned", "HookCallFailed", "NotApproved", "WrappedError"]),
    );
    for (const error of errors) {
      expect(decodedName(error), error.name).toBe(error.name);
    }
  });

  it("explains the V4 errors a person can act on: a range off the tick spacing, a hook refusing", () => {
    expect(describeMigrationError("TickMisaligned", "")).toMatch(/tick spacing/);
    expect(describeMigrationError("HookCallFailed", "")).toMatch(/hook refused the deposit/);
    expect(describeMigrationError("V4PoolPriceOutOfBounds", "")).toMatch(/V4 pool's price moved/);
    expect(describeMigrationError("HookMayTakeDeposit", "")).toMatch(/Choose a pool without a hook/);
  });

  const hook = getAddress("0x000000000000000000000000000000000000beef");
  const beforeAddLiquidity = toFunctionSelector(
    "beforeAddLiquidity(address,(address,address,uint24,int24,address),(int24,int24,int256,bytes32),bytes)",
  );
  const hookCallFailed = encodeErrorResult({ abi: uniswapV4ErrorsAbi, errorName: "HookCallFailed" });
  const wrap = (reason: Hex, details: Hex) =>
    encodeErrorResult({
      abi: uniswapV4ErrorsAbi,
      errorName: "WrappedError",
      args: [hook, beforeAddLiquidity, reason, details],
    });

  it("unwraps a hook's revert that is one of Ferry's errors: a hook re-entering the Migrator", () => {
    const reentrancy = encodeErrorResult({ abi: migratorAbi, errorName: "Reentrancy" });
    const decoded = decodeRevertData(wrap(reentrancy, hookCallFailed));
    expect(decoded?.errorName).toBe("Reentrancy");
    expect(describeMigrationError(decoded?.errorName, "")).toMatch(/hook tried to call back into Ferry/);
  });

  it("names the hook when its own revert is unknown", () => {
    const decoded = decodeRevertData(wrap("0xdeadbeef", hookCallFailed));
    expect(decoded?.errorName).toBe("HookCallFailed");
    expect(decoded?.reason).toBe(`HookCallFailed in ${hook}`);
    expect(describeMigrationError(decoded?.errorName, "")).toMatch(/hook refused the deposit/);
  });

  it("quotes a token's revert string that V4 wrapped in a failed transfer", () => {
    const reason = encodeErrorResult({
      abi: [{ type: "error", name: "Error", inputs: [{ type: "string" }] }],
      args: ["TRANSFER_FROM_FAILED"],
    });
    const erc20TransferFailed = encodeErrorResult({ abi: uniswapV4ErrorsAbi, errorName: "ERC20TransferFailed" });
    expect(decodeRevertData(wrap(reason, erc20TransferFailed))?.reason).toBe("TRANSFER_FROM_FAILED");
    expect(decodeRevertData(wrap("0x", erc20TransferFailed))?.errorName).toBe("ERC20TransferFailed");
  });
});
