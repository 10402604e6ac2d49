import { describe, expect, it } from "vitest";
import { accountKindFromCode } from "./accountKind";

const DELEGATE = "5fbdb2315678afecb367f032d93f642f64180aa3";

describe("accountKindFromCode", () => {
  it("reads an account without code as an EOA", () => {
    expect(accountKindFromCode(undefined)).toBe("eoa");
    expect(accountKindFromCode("0x")).toBe("eoa");
  });

  it("reads an EIP-7702 delegated EOA as an EOA: its key still signs permits", () => {
    expect(accountKindFromCode(`0xef0100${DELEGATE}`)).toBe("eoa");
    expect(accountKindFromCode(`0xEF0100${DELEGATE.toUpperCase()}`)).toBe("eoa");
  });

  it("reads any other code as a smart-contract wallet", () => {
    // An EIP-1167 minimal proxy, the shape of most smart-contract wallets.
    expect(accountKindFromCode(`0x363d3d373d3d3d363d73${DELEGATE}5af43d82803e903d91602b57fd5bf3`)).toBe("contract");
    expect(accountKindFromCode("0x00")).toBe("contract");
    // The delegation prefix with a wrong length is not a delegation.
    expect(accountKindFromCode(`0xef0100${DELEGATE}00`)).toBe("contract");
  });
});
