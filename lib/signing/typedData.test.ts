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
    expect(describeDelegation(delegation)).toEqual([
      "Lets Ferry Migrator (0x2222222222222222222222222222222222222222) open Aave V3 debt in your name",
      "Up to: 2500 USDC (variable rate)",
      "Debt token: 0x3333333333333333333333333333333333333333",
      "Valid until: 2023-11-14T22:23:20.000Z",
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
