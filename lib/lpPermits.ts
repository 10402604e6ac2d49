import { useMutation } from "@tanstack/react-query";
import type { Address } from "viem";
import { useChainId, usePublicClient } from "wagmi";
import { uniswapV2PairAbi } from "@/lib/generated/abis";
import { domainMatches, type PermitRequest, uniswapV2PairDomain } from "@/lib/permit";

/** Permits expire quickly: a leaked signature is worthless minutes later. */
export const PERMIT_LIFETIME_SECONDS = 20n * 60n;

export interface V2PermitInput {
  pair: Address;
  owner: Address;
  spender: Address;
  spenderName: string;
  value: bigint;
}

/**
 * Builds the exact EIP-2612 permit for an LP token from on-chain reads (nonce, domain separator), refusing a
 * token whose domain separator is not the one computed for this chain and contract.
 */
export function useV2PermitRequest() {
  const chainId = useChainId();
  const client = usePublicClient();
  return useMutation({
    mutationFn: async ({ pair, owner, spender, spenderName, value }: V2PermitInput): Promise<PermitRequest> => {
      if (!client) throw new Error("No connection to the chain.");
      const [nonce, separator, block] = await Promise.all([
        client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: "nonces", args: [owner] }),
        client.readContract({ address: pair, abi: uniswapV2PairAbi, functionName: "DOMAIN_SEPARATOR" }),
        client.getBlock(),
      ]);
      const domain = uniswapV2PairDomain(pair, chainId);
      if (!domainMatches(domain, separator)) {
        throw new Error("This LP token's signing domain does not match this chain; Ferry will not ask you to sign it.");
      }
      return {
        domain,
        message: { owner, spender, value, nonce, deadline: block.timestamp + PERMIT_LIFETIME_SECONDS },
        token: { symbol: "UNI-V2", decimals: 18 },
        spenderName,
      };
    },
  });
}
