import { BaseError, HttpRequestError, InsufficientFundsError, UserRejectedRequestError } from "viem";
import { describe, expect, it } from "vitest";
import { describeWalletError, isUserRejection } from "./walletErrors";

describe("describeWalletError", () => {
  it("recognises a user rejection wrapped by viem", () => {
    const error = new BaseError("Signing failed.", { cause: new UserRejectedRequestError(new Error("rejected")) });
    expect(isUserRejection(error)).toBe(true);
    expect(describeWalletError(error)).toMatch(/You rejected the request in your wallet/);
  });

  it("recognises a bare EIP-1193 rejection", () => {
    expect(isUserRejection({ code: 4001, message: "nope" })).toBe(true);
  });

  it("explains an unreachable node", () => {
    const error = new HttpRequestError({ url: "http://127.0.0.1:1", details: "fetch failed" });
    expect(isUserRejection(error)).toBe(false);
    expect(describeWalletError(error)).toMatch(/network node did not answer/);
  });

  it("explains missing ETH for gas", () => {
    const error = new BaseError("Sending failed.", { cause: new InsufficientFundsError() });
    expect(describeWalletError(error)).toMatch(/not have enough ETH to pay for gas/);
  });

  it("falls back to the error's own short message", () => {
    expect(describeWalletError(new Error("insufficient funds"))).toBe("Something went wrong: insufficient funds");
    expect(describeWalletError(undefined)).toBe("Something went wrong. Nothing was sent; try again.");
  });
});
