import { getAddress, recoverTypedDataAddress } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { describe, expect, it } from "vitest";
import { describeNftPermit, type NftPermitRequest, nftPermitTypedData } from "./nftPermit";

const owner = privateKeyToAccount(generatePrivateKey());
const request: NftPermitRequest = {
  domain: {
    name: "Uniswap V3 Positions NFT-V1",
    version: "1",
    chainId: 31337,
    verifyingContract: getAddress("0x1111111111111111111111111111111111111111"),
  },
  message: {
    spender: getAddress("0x2222222222222222222222222222222222222222"),
    tokenId: 5n,
    nonce: 3n,
    // 2023-11-14T22:33:20Z
    deadline: 1_700_001_200n,
  },
  positionName: "WETH/USDC 0.05%",
  spenderName: "Ferry Migrator",
};

describe("nftPermitTypedData", () => {
  it("is ERC721Permit's Permit(spender, tokenId, nonce, deadline), recovering to the signer", async () => {
    const typedData = nftPermitTypedData(request);
    expect(typedData.types.Permit.map(({ name }) => name)).toEqual(["spender", "tokenId", "nonce", "deadline"]);
    const signature = await owner.signTypedData(typedData);
    expect(await recoverTypedDataAddress({ ...typedData, signature })).toBe(owner.address);
  });
});

describe("describeNftPermit", () => {
  it("names the position, the spender and the time the permit ends", () => {
    expect(describeNftPermit(request, 1_700_000_000n, "Asia/Tokyo")).toEqual([
      { text: "Lets Ferry Migrator take your position #5, WETH/USDC 0.05%" },
      { text: "Spender: 0x2222222222222222222222222222222222222222" },
      { text: "Position manager: 0x1111111111111111111111111111111111111111" },
      { text: "Valid until: in 20 minutes, at 07:33", exact: "2023-11-14 22:33:20 UTC" },
    ]);
  });

  it("says when the permit has already expired", () => {
    expect(describeNftPermit(request, 1_700_001_200n).at(-1)).toEqual({ text: "Valid until: already expired" });
  });
});
