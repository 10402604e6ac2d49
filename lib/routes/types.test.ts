import { getAddress, type Hex, parseSignature } from "viem";
import { describe, expect, it } from "vitest";
import type { PermitRequest } from "../signing/typedData";
import { nftKey, permitKey, type SignatureRequest, signatureBook } from "./types";

const address = (n: number) => getAddress(`0x${n.toString(16).padStart(40, "0")}`);
const [OWNER, MIGRATOR, LP, A_WETH, NPM] = [address(1), address(2), address(3), address(4), address(5)];
const permit = (token: `0x${string}`, value: bigint): SignatureRequest => {
  const request: PermitRequest = {
    domain: { name: "T", version: "1", chainId: 31337, verifyingContract: token },
    message: { owner: OWNER, spender: MIGRATOR, value, nonce: 0n, deadline: 99n },
    token: { symbol: "T", decimals: 18 },
    spenderName: "Ferry Migrator",
  };
  return { key: permitKey(token), kind: "permit", label: "Permit", request };
};
// A well-formed 65-byte signature (r, s, v = 27).
const SIGNATURE: Hex = `0x${"11".repeat(32)}${"22".repeat(32)}1b`;

describe("signatureBook", () => {
  it("keeps each signature under its request's key, with the amount signed and the shared deadline", () => {
    const requests = [permit(LP, 5n), permit(A_WETH, 7n)];
    const book = signatureBook(requests, { [permitKey(A_WETH)]: SIGNATURE }, 99n);
    const { r, s } = parseSignature(SIGNATURE);
    expect([...book.keys()], "the unsigned LP permit is left out").toEqual([permitKey(A_WETH)]);
    expect(book.get(permitKey(A_WETH))).toEqual({ value: 7n, deadline: 99n, v: 27, r, s });
  });

  it("keeps a position's permit under its own key, with no amount: the position manager takes the whole NFT", () => {
    const position: SignatureRequest = {
      key: nftKey(NPM, 5n),
      kind: "nftPermit",
      label: "Permit for position #5",
      request: {
        domain: { name: "Uniswap V3 Positions NFT-V1", version: "1", chainId: 31337, verifyingContract: NPM },
        message: { spender: MIGRATOR, tokenId: 5n, nonce: 0n, deadline: 99n },
        positionName: "WETH/USDC 0.05%",
        spenderName: "Ferry Migrator",
      },
    };
    const book = signatureBook([permit(LP, 5n), position], { [nftKey(NPM, 5n)]: SIGNATURE }, 99n);
    expect(nftKey(NPM, 5n)).toBe(`nft:${NPM}:5`);
    expect([...book.keys()]).toEqual([nftKey(NPM, 5n)]);
    expect(book.get(nftKey(NPM, 5n))?.value).toBe(0n);
    expect(book.get(nftKey(NPM, 5n))?.deadline).toBe(99n);
  });
});
