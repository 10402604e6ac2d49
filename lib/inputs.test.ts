import { describe, expect, it } from "vitest";
import { parsePercentage } from "./inputs";

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
