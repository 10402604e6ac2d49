import { describe, expect, it } from "vitest";
import { parsePercentage, parsePositiveNumber, parseSlippage, previewSlippageBps } from "./inputs";

describe("parsePercentage", () => {
  it.each([
    ["100", 10_000],
    ["50", 5_000],
    ["12.5", 1_250],
    [" 0.01 ", 1],
  ])("reads %s%% as %i bps", (text, bps) => {
    expect(parsePercentage(text)).toEqual({ ok: true, value: bps });
  });

  it.each([
    ["", /Enter how much/],
    ["abc", /Use a number/],
    ["-5", /Use a number/],
    ["1e2", /Use a number/],
    ["10.123", /at most two decimals/],
    ["0", /above 0 and at most 100/],
    ["100.01", /above 0 and at most 100/],
  ])("rejects %j with a sentence", (text, message) => {
    const parsed = parsePercentage(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? "" : parsed.error).toMatch(message);
  });
});

describe("parsePositiveNumber", () => {
  it.each([
    ["2500", 2500],
    ["0.5", 0.5],
    [".5", 0.5],
    ["3.", 3],
  ])("reads %s", (text, value) => {
    expect(parsePositiveNumber(text, "min price")).toEqual({ ok: true, value });
  });

  it.each([
    ["", "Enter a min price."],
    ["abc", "The min price must be a number, e.g. 2500.5."],
    ["-3", "The min price must be a number, e.g. 2500.5."],
    ["0", "The min price must be above 0."],
  ])("rejects %j", (text, error) => {
    expect(parsePositiveNumber(text, "min price")).toEqual({ ok: false, error });
  });

  it("gives the field's own example", () => {
    expect(parsePositiveNumber("x", "minimum health factor", "1.5")).toEqual({
      ok: false,
      error: "The minimum health factor must be a number, e.g. 1.5.",
    });
  });
});

describe("parseSlippage", () => {
  it("reads percent as basis points", () => {
    expect(parseSlippage("0.5")).toEqual({ ok: true, value: 50 });
    expect(parseSlippage("50")).toEqual({ ok: true, value: 5_000 });
  });

  it.each([
    ["", /must be a number/],
    ["x", /must be a number/],
    ["0.123", /two decimals/],
    ["0", /above 0%/],
    ["50.01", /above 50% is refused/],
  ])("rejects %j", (text, error) => {
    const parsed = parseSlippage(text);
    expect(parsed.ok ? "" : parsed.error).toMatch(error);
  });
});

describe("previewSlippageBps", () => {
  it("uses the typed slippage, and the default 0.5% while the typed one is invalid", () => {
    expect(previewSlippageBps(parseSlippage("1.25"))).toBe(125);
    expect(previewSlippageBps(parseSlippage("abc"))).toBe(50);
    expect(previewSlippageBps(parseSlippage("60"))).toBe(50);
  });
});
