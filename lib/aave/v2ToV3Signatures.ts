import type { Address, PublicClient } from "viem";
import { buildSignatureRequests } from "../signing/requests";

/** aTokens grow every block between signing and sending: sign a little more than today's balance. */
export const BALANCE_BUFFER_BPS = 100n;
export const withBuffer = (amount: bigint) => amount + (amount * BALANCE_BUFFER_BPS) / 10_000n;

export interface SignedAmount {
  asset: Address;
  /** The token signed for: the V2 aToken of a supply, the V3 variable debt token of a debt. */
  token: Address;
  symbol: string;
  decimals: number;
  amount: bigint;
}

/**
 * The aToken permits (V2) and credit delegations (V3 variable debt tokens) a lending migration needs, for the
 * amounts plus a buffer, read in one multicall, each checked against the token's on-chain domain separator.
 */
export function buildAaveSignatureRequests(
  client: PublicClient,
  chainId: number,
  owner: Address,
  migrator: Address,
  deadline: bigint,
  { supplies, debts }: { supplies: SignedAmount[]; debts: SignedAmount[] },
) {
  const grant = (contract: "aaveV2AToken" | "aaveV3VariableDebtToken") => (item: SignedAmount) => ({
    contract,
    address: item.token,
    token: { symbol: item.symbol, decimals: item.decimals },
    label: item.symbol,
    value: withBuffer(item.amount),
  });
  return buildSignatureRequests(client, chainId, owner, migrator, deadline, {
    permits: supplies.map(grant("aaveV2AToken")),
    delegations: debts.map(grant("aaveV3VariableDebtToken")),
  });
}
