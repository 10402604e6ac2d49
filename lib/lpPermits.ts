import type { Address } from "viem";
import { uniswapV2PairAbi } from "./generated/abis";
import { domainMatches, type PermitRequest, uniswapV2PairDomain } from "./permit";
import type { SigningContext } from "./routes/types";

/** Permits expire quickly: a leaked signature is worthless minutes later. */
export const PERMIT_LIFETIME_SECONDS = 20n * 60n;

export interface LpPull {
  pair: Address;
  amount: bigint;
}

/**
 * The exact EIP-2612 permits for LP tokens, from one multicall (nonces, domain separators), refusing any token whose
 * domain separator is not the one computed for this chain and contract.
 */
export async function buildLpPermits(
  { client, chainId, owner, migrator, deadline }: SigningContext,
  pulls: LpPull[],
): Promise<PermitRequest[]> {
  const reads = await client.multicall({
    allowFailure: false,
    contracts: pulls.flatMap(({ pair }) => [
      { address: pair, abi: uniswapV2PairAbi, functionName: "nonces", args: [owner] } as const,
      { address: pair, abi: uniswapV2PairAbi, functionName: "DOMAIN_SEPARATOR" } as const,
    ]),
  });
  return pulls.map(({ pair, amount }, i): PermitRequest => {
    const domain = uniswapV2PairDomain(pair, chainId);
    if (!domainMatches(domain, reads[2 * i + 1] as `0x${string}`)) {
      throw new Error("An LP token's signing domain does not match this chain; Ferry will not ask you to sign it.");
    }
    return {
      domain,
      message: { owner, spender: migrator, value: amount, nonce: reads[2 * i] as bigint, deadline },
      token: { symbol: "UNI-V2", decimals: 18 },
      spenderName: "Ferry Migrator",
    };
  });
}
