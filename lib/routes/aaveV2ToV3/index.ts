import type { Address, PublicClient } from "viem";
import { readAaveV2Position } from "../../aave/v2/positions";
import { isMoving, type KeptOnV2 } from "../../aave/v2/selection";
import { type AaveMigrationPlan, debtOf, planAaveMigration } from "../../aave/v2ToV3Plan";
import { buildAaveSignatureRequests, withBuffer } from "../../aave/v2ToV3Signatures";
import { readV3Eligibility } from "../../aave/v3/eligibility";
import { oracleUsd } from "../../aave/v3/usdPrices";
import { addressesFor } from "../../chain/addresses";
import { approvalCall, delegationCall } from "../../signing/authorizations";
import { delegationKey, permitKey, type RouteAdapter, signatureFor } from "../types";
import { aaveV2ToV3Position } from "./params";
import { aaveV2ToV3Route } from "./route";

/** The chain whose address book lists the Aave reserves so far. */
const WORLD_CHAIN_ID = 31337;

/** The account's Aave V2 position, the Aave V3 status of its assets, and V3's reserves by symbol. */
export type AaveV2ToV3Sources = Awaited<ReturnType<typeof discoverAave>>;

async function discoverAave(client: PublicClient, chainId: number, owner: Address) {
  // The reserve list is configuration that only the world's address book carries so far.
  if (chainId !== WORLD_CHAIN_ID) return null;
  const addresses = addressesFor(WORLD_CHAIN_ID);
  const position = await readAaveV2Position(client, addresses, owner);
  const v3 = await readV3Eligibility(
    client,
    addresses,
    position.reserves.map((r) => r.asset),
    owner,
  );
  return {
    pool: addresses.aaveV2.pool,
    position,
    v3,
    v3Reserves: addresses.aaveV3.reserves as Record<string, { variableDebtToken: Address }>,
  };
}

/** The plan of the selected reserves, with the V2 pool the Migrator's event names as the source. */
export type AaveV2ToV3Plan = AaveMigrationPlan & { pool: Address };

export interface AaveV2ToV3Input {
  sources: NonNullable<AaveV2ToV3Sources>;
  /** WAD. */
  minHealthFactor: bigint;
  kept: KeptOnV2;
}

/**
 * An Aave V2 lending position, the selected supplies and debts whole, into Aave V3: aTokens pulled with permits,
 * debts reopened on V3 under the user's credit delegations.
 */
export const aaveV2ToV3: RouteAdapter<AaveV2ToV3Sources, AaveV2ToV3Input, AaveV2ToV3Plan, "AaveV2ToV3"> = {
  ...aaveV2ToV3Route,
  discover: discoverAave,
  plan: ({ sources: { pool, position, v3, v3Reserves }, minHealthFactor, kept }) => {
    const unlisted = position.reserves.find(
      (reserve) => isMoving(kept, "debt", reserve.asset) && debtOf(reserve) > 0n && !v3Reserves[reserve.symbol],
    );
    if (unlisted) return { ok: false, error: `${unlisted.symbol} has no Aave V3 reserve in the address book.` };
    // Every moving debt's symbol is listed (checked above).
    const v3DebtTokenOf = (symbol: string) => (v3Reserves[symbol] as { variableDebtToken: Address }).variableDebtToken;
    return { ok: true, plan: { ...planAaveMigration(position, v3, minHealthFactor, v3DebtTokenOf, kept), pool } };
  },
  summary: (plan) => ({
    key: "AaveV2ToV3",
    source: plan.pool,
    name: "Aave V2 position",
    tokens: [],
    valueUsd: () => oracleUsd(plan.movedUsd),
  }),
  approvals: ({ supplies, debts }, migrator) => [
    ...supplies.map(({ token, amount }) => ({
      key: permitKey(token),
      call: approvalCall(token, migrator, withBuffer(amount)),
    })),
    ...debts.map(({ token, amount }) => ({
      key: delegationKey(token),
      call: delegationCall(token, migrator, withBuffer(amount)),
    })),
  ],
  signatureRequests: async ({ client, chainId, owner, migrator, deadline }, plan) => {
    const { permits, delegations } = await buildAaveSignatureRequests(client, chainId, owner, migrator, deadline, plan);
    return [
      ...permits.map((request) => ({
        key: permitKey(request.domain.verifyingContract),
        kind: "permit" as const,
        label: `Permit for ${request.token.symbol}`,
        request,
      })),
      ...delegations.map((request) => ({
        key: delegationKey(request.domain.verifyingContract),
        kind: "delegation" as const,
        label: `Credit delegation for ${request.token.symbol}`,
        request,
      })),
    ];
  },
  encode: ({ supplies, debts, minHealthFactor }, signatures) =>
    aaveV2ToV3Position({
      collateral: supplies.map(({ asset, token }) => ({ asset, permit: signatureFor(signatures, permitKey(token)) })),
      debt: debts.map(({ asset, token }) => ({ asset, delegation: signatureFor(signatures, delegationKey(token)) })),
      minHealthFactor,
      // What stays on V2 gets the same floor as what arrives on V3.
      minSourceHealthFactor: minHealthFactor,
    }),
};
