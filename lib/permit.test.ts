import { recoverTypedDataAddress } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { describePermit, type PermitRequest, permitTypedData } from "./permit";

const owner = privateKeyToAccount(generatePrivateKey());
const request: PermitRequest = {
  domain: {
    name: "Uniswap V2",
    version: "1",
    chainId: 31337,
    verifyingContract: "0x1111111111111111111111111111111111111111",
  },
  message: {
    owner: owner.address,
    spender: "0x2222222222222222222222222222222222222222",
    value: 1_500_000_000_000_000_000n,
    nonce: 0n,
    deadline: 1_700_000_600n,
  },
  token: { symbol: "UNI-V2", decimals: 18 },
  spenderName: "Ferry Migrator",
};

describe("permitTypedData", () => {
  it("produces typed data whose signature recovers to the owner", async () => {
    const signature = await owner.signTypedData(permitTypedData(request));
    const recovered = await recoverTypedDataAddress({ ...permitTypedData(request), signature });
    expect(recovered).toBe(owner.address);
  });
});

describe("describePermit", () => {
  it("states token, exact amount, spender and deadline", () => {
    expect(describePermit(request, 1_700_000_000n)).toEqual([
      "Token: UNI-V2 (0x1111111111111111111111111111111111111111)",
      "Amount: 1.5 UNI-V2",
      "Spender: Ferry Migrator (0x2222222222222222222222222222222222222222)",
      "Valid until: 2023-11-14T22:23:20.000Z (10 min)",
    ]);
  });

  it("says when the permit has already expired", () => {
    expect(describePermit(request, 1_700_000_600n).at(-1)).toBe("Valid until: already expired");
  });
});
