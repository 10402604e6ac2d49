import { encodeAbiParameters, keccak256, parseAbiParameters, recoverTypedDataAddress, toHex } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import {
  type DelegationRequest,
  delegationTypedData,
  describeDelegation,
  describePermit,
  domainMatches,
  type PermitRequest,
  permitTypedData,
  type SigningDomain,
} from "./typedData";

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
  it("states token, amount rounded for reading (exact on hover), spender and a local, relative deadline", () => {
    expect(describePermit(request, 1_700_000_000n, "Asia/Tokyo")).toEqual([
      { text: "Token: UNI-V2 (0x1111111111111111111111111111111111111111)" },
      { text: "Amount: 1.50 UNI-V2", exact: "1.5 UNI-V2" },
      { text: "Spender: Ferry Migrator (0x2222222222222222222222222222222222222222)" },
      // 22:23:20 UTC is 07:23 the next morning in Tokyo, the same day as "now" there.
      { text: "Valid until: in 10 minutes, at 07:23", exact: "2023-11-14 22:23:20 UTC" },
    ]);
  });

  it("says what an LP amount redeems for, rounded, with every exact figure on hover", () => {
    const lp: PermitRequest = {
      ...request,
      message: { ...request.message, value: 182_574_185_835_055n },
      worth: [
        { symbol: "WETH", decimals: 18, amount: 4_999_999_999_999_999_876n },
        { symbol: "USDC", decimals: 6, amount: 10_000_123_456n },
      ],
    };
    expect(describePermit(lp, 1_700_000_000n)[1]).toEqual({
      text: "Amount: 0.00018 UNI-V2 ≈ 5.00 WETH + 10,000 USDC",
      exact: "0.000182574185835055 UNI-V2 ≈ 4.999999999999999876 WETH + 10000.123456 USDC",
    });
  });

  it("says when the permit has already expired", () => {
    expect(describePermit(request, 1_700_000_600n).at(-1)).toEqual({ text: "Valid until: already expired" });
  });
});

const delegation: DelegationRequest = {
  domain: {
    name: "Aave Ethereum Variable Debt USDC",
    version: "1",
    chainId: 31337,
    verifyingContract: "0x3333333333333333333333333333333333333333",
  },
  message: {
    delegatee: "0x2222222222222222222222222222222222222222",
    value: 2_500_000_000n,
    nonce: 3n,
    deadline: 1_700_000_600n,
  },
  token: { symbol: "USDC", decimals: 6 },
  delegateeName: "Ferry Migrator",
};

describe("delegationTypedData", () => {
  it("produces DelegationWithSig typed data whose signature recovers to the delegator", async () => {
    const typedData = delegationTypedData(delegation);
    expect(typedData.primaryType).toBe("DelegationWithSig");
    const signature = await owner.signTypedData(typedData);
    expect(await recoverTypedDataAddress({ ...typedData, signature })).toBe(owner.address);
  });
});

describe("describeDelegation", () => {
  it("states delegatee, amount with its rate mode, debt token and deadline", () => {
    expect(describeDelegation(delegation, 1_699_996_000n, "UTC")).toEqual([
      { text: "Lets Ferry Migrator (0x2222222222222222222222222222222222222222) open Aave V3 debt in your name" },
      { text: "Up to: 2,500 USDC (variable rate)", exact: "2500 USDC" },
      { text: "Debt token: 0x3333333333333333333333333333333333333333" },
      { text: "Valid until: in 76 minutes, at 22:23", exact: "2023-11-14 22:23:20 UTC" },
    ]);
  });
});

describe("domainMatches", () => {
  const pair = "0xcD9323f1eE7259E38e3247afB043effbBb7A28dD";
  const pairDomain: SigningDomain = { name: "Uniswap V2", version: "1", chainId: 31337, verifyingContract: pair };
  // UniswapV2ERC20's constructor formula, written out independently of viem's EIP-712 code.
  const separatorOn = (chainId: bigint) =>
    keccak256(
      encodeAbiParameters(parseAbiParameters("bytes32, bytes32, bytes32, uint256, address"), [
        keccak256(toHex("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)")),
        keccak256(toHex("Uniswap V2")),
        keccak256(toHex("1")),
        chainId,
        pair,
      ]),
    );

  it("accepts the pair's separator for the same chain", () => {
    expect(domainMatches(pairDomain, separatorOn(31337n))).toBe(true);
  });

  it("rejects a separator made for another chain", () => {
    expect(domainMatches(pairDomain, separatorOn(1n))).toBe(false);
  });
});
