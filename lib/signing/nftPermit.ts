import type { Address, Hex, PublicClient, TypedDataDefinition } from "viem";
import { nonfungiblePositionManagerAbi } from "../generated/abis";
import { MIGRATOR_NAME } from "./requests";
import { deadlineLine, domainMatches, type PlainLine, type SigningDomain } from "./typedData";

/**
 * The ERC-721 permit of Uniswap V3's NonfungiblePositionManager (ERC721Permit): one signature approves one position
 * to a spender until a deadline, with the position's own nonce (the first field of `positions(tokenId)`).
 */
export const nftPermitTypes = {
  Permit: [
    { name: "spender", type: "address" },
    { name: "tokenId", type: "uint256" },
    { name: "nonce", type: "uint256" },
    { name: "deadline", type: "uint256" },
  ],
} as const;

export type NftPermitTypedData = TypedDataDefinition<typeof nftPermitTypes, "Permit">;

/** Everything needed to sign an NFT permit and to describe it to the person signing. */
export interface NftPermitRequest {
  domain: SigningDomain;
  message: NftPermitTypedData["message"];
  /** How the person knows the position: "WETH/USDC 0.05%". */
  positionName: string;
  spenderName: string;
}

/** The typed data handed to `signTypedData`: the same object the summary is built from. */
export function nftPermitTypedData({
  domain,
  message,
}: NftPermitRequest): NftPermitTypedData & { domain: SigningDomain } {
  return { domain, types: nftPermitTypes, primaryType: "Permit", message };
}

/**
 * An NFT permit in plain words, from the request that is signed. `now` is in seconds; `timeZone` (the reader's own
 * by default) is for tests.
 */
export function describeNftPermit(request: NftPermitRequest, now: bigint, timeZone?: string): PlainLine[] {
  const { message, positionName, spenderName, domain } = request;
  return [
    { text: `Lets ${spenderName} take your position #${message.tokenId}, ${positionName}` },
    { text: `Spender: ${message.spender}` },
    { text: `Position manager: ${domain.verifyingContract}` },
    deadlineLine(message.deadline, now, timeZone),
  ];
}

/** One position to permit: where it lives and how the person knows it. */
export interface NftPermitGrant {
  positionManager: Address;
  tokenId: bigint;
  positionName: string;
}

/**
 * The permit that lets the Migrator take `tokenId` until `deadline`, with the position manager's name, its
 * DOMAIN_SEPARATOR and the position's nonce read in one multicall. Throws when the separator is not the domain
 * computed for this chain and contract: Ferry never asks to sign it.
 */
export async function buildNftPermitRequest(
  client: PublicClient,
  chainId: number,
  migrator: Address,
  deadline: bigint,
  { positionManager, tokenId, positionName }: NftPermitGrant,
): Promise<NftPermitRequest> {
  const contract = { address: positionManager, abi: nonfungiblePositionManagerAbi } as const;
  const [name, separator, position] = await client.multicall({
    allowFailure: false,
    contracts: [
      { ...contract, functionName: "name" },
      { ...contract, functionName: "DOMAIN_SEPARATOR" },
      { ...contract, functionName: "positions", args: [tokenId] },
    ],
  });
  const domain = { name, version: "1", chainId, verifyingContract: positionManager };
  if (!domainMatches(domain, separator as Hex)) {
    throw new Error(
      `The position manager's signing domain does not match this chain; Ferry will not ask you to sign a permit of position #${tokenId}.`,
    );
  }
  return {
    domain,
    message: { spender: migrator, tokenId, nonce: position[0], deadline },
    positionName,
    spenderName: MIGRATOR_NAME,
  };
}
