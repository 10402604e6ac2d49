import { type PublicClient, parseSignature } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_INDEX, devAccount } from "../../devnet/deploy/config";
import type { RunningChain } from "../../devnet/world";
import { startWorldClient } from "../../devnet/worldClient";
import { addressesFor } from "../chain/addresses";
import { nonfungiblePositionManagerAbi } from "../generated/abis";
import { buildNftPermitRequest, type NftPermitRequest, nftPermitTypedData } from "./nftPermit";
import { signingDeadline } from "./requests";

// The NFT permit Ferry asks for, against the world's real NonfungiblePositionManager (ERC721Permit).
let world: RunningChain;
let client: PublicClient;
const addresses = addressesFor(31337);
const bob = devAccount(ACCOUNT_INDEX.bob);
const spender = addresses.accounts.carol; // any spender: the permit is only simulated
const submitter = addresses.accounts.alice; // a permit is submitted by whoever holds it
const grant = {
  positionManager: addresses.uniswapV3.positionManager,
  tokenId: BigInt(addresses.uniswapV3.positions.bob_WETH_USDC_3000),
  positionName: "WETH/USDC 0.3%",
};

beforeAll(async () => {
  ({ world, client } = await startWorldClient());
}, 120_000);

afterAll(() => world?.stop());

/** `permit(spender, tokenId, deadline, v, r, s)` as submitted, for a request signed by bob. */
async function submitPermit(request: NftPermitRequest, tokenId = request.message.tokenId) {
  const { v, r, s } = parseSignature(await bob.signTypedData(nftPermitTypedData(request)));
  return client.simulateContract({
    account: submitter,
    address: grant.positionManager,
    abi: nonfungiblePositionManagerAbi,
    functionName: "permit",
    args: [request.message.spender, tokenId, request.message.deadline, Number(v), r, s],
  });
}

describe("buildNftPermitRequest on the world", () => {
  it("builds a permit of bob's position, with its nonce, that the position manager accepts", async () => {
    const deadline = await signingDeadline(client);
    const request = await buildNftPermitRequest(client, world.chainId, spender, deadline, grant);
    expect(request.domain).toEqual({
      name: "Uniswap V3 Positions NFT-V1",
      version: "1",
      chainId: world.chainId,
      verifyingContract: grant.positionManager,
    });
    expect(request.message).toEqual({ spender, tokenId: grant.tokenId, nonce: 0n, deadline });
    await submitPermit(request);
  });

  it("signs a tampered permit into one the position manager rejects", async () => {
    const request = await buildNftPermitRequest(client, world.chainId, spender, 2n ** 40n, grant);
    const otherPosition = BigInt(addresses.uniswapV3.positions.bob_DAI_USDC_100);
    await expect(submitPermit(request, otherPosition)).rejects.toThrow(/Unauthorized/);
  });

  it("refuses to ask for a permit whose domain is for another chain", async () => {
    await expect(buildNftPermitRequest(client, 1, spender, 2n ** 40n, grant)).rejects.toThrow(
      "The position manager's signing domain does not match this chain; Ferry will not ask you to sign a permit of position #6.",
    );
  });
});
