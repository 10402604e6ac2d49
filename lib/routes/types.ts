import type { Address, Hex, PublicClient, TypedDataDefinition } from "viem";
import { type MigratorPosition, NO_PERMIT, type PermitSignature, toPermitSignature } from "../migrator/encoding";
import type { AuthorizationCall } from "../signing/authorizations";
import { type NftPermitRequest, nftPermitTypedData } from "../signing/nftPermit";
import { type DelegationRequest, delegationTypedData, type PermitRequest, permitTypedData } from "../signing/typedData";
import type { MigrationEvent } from "./events";
import type { RouteName } from "./routeIds";

/**
 * One thing the user authorises Ferry to take, by a stable key (`permit:<token>`, `delegation:<debt token>`,
 * `nft:<position manager>:<token id>`) that the signature, the approval transaction standing in for it and the
 * encoded leg all share.
 */
export type AuthorizationKey = `permit:${Address}` | `delegation:${Address}` | `nft:${Address}:${bigint}`;
export const permitKey = (token: Address): AuthorizationKey => `permit:${token}`;
export const delegationKey = (debtToken: Address): AuthorizationKey => `delegation:${debtToken}`;
export const nftKey = (positionManager: Address, tokenId: bigint): AuthorizationKey =>
  `nft:${positionManager}:${tokenId}`;

/** The transaction that grants what the keyed signature would: for wallets that cannot sign, and for simulations. */
export interface Approval {
  key: AuthorizationKey;
  call: AuthorizationCall;
  /**
   * No signature can stand in for it: the Migrator applies no permit for this token (a V4 position the migration adds
   * to), so the approval is sent before the migration even when the batch is signed. Its name and plain words, shown
   * with the signatures before anything is sent.
   */
  transactionOnly?: { label: string; lines: string[] };
}

/**
 * One signature the user gives Ferry, an EIP-2612 permit, an Aave V3 credit delegation or a V3 position's ERC-721
 * permit, and what it is for.
 */
export type SignatureRequest = { key: AuthorizationKey; label: string } & (
  | { kind: "permit"; request: PermitRequest }
  | { kind: "delegation"; request: DelegationRequest }
  | { kind: "nftPermit"; request: NftPermitRequest }
);

/** The typed data the wallet signs for a request: built from the same object its plain words are. */
export function typedDataOf(item: SignatureRequest): TypedDataDefinition {
  switch (item.kind) {
    case "permit":
      return permitTypedData(item.request);
    case "delegation":
      return delegationTypedData(item.request);
    case "nftPermit":
      return nftPermitTypedData(item.request);
  }
}

/** The amount a signature grants, as `IMigrator.PermitSignature.value` carries it (unused for a position). */
const grantedValue = (item: SignatureRequest): bigint => (item.kind === "nftPermit" ? 0n : item.request.message.value);

/** The signatures made so far, by key; a key without one encodes as "no permit" (an approval stands in). */
export type SignatureBook = ReadonlyMap<AuthorizationKey, PermitSignature>;

/** The signature for a key, or "no permit" when an approval transaction stands in for it. */
export const signatureFor = (signatures: SignatureBook, key: AuthorizationKey): PermitSignature =>
  signatures.get(key) ?? NO_PERMIT;

/** What a route needs to read the signing domains and nonces, and the deadline every signature of a batch shares. */
export interface SigningContext {
  client: PublicClient;
  chainId: number;
  owner: Address;
  migrator: Address;
  deadline: bigint;
}

export type Planned<Plan> = { ok: true; plan: Plan } | { ok: false; error: string };

/** A planned leg as the batch, the review and the receipt see it, whatever its route. */
export interface LegSummary {
  /** Stable across renders and unique in a batch. */
  key: string;
  /** What the route's event reports as `source`. */
  source: Address;
  /** What the event reports as `sourceId`, for sources that are tokens of one contract (V3 positions). */
  sourceId?: bigint;
  /** How the user knows the source ("WETH / USDC"). */
  name: string;
  /** The review's line about where it goes, for routes that offer a choice of destination. */
  destination?: string;
  /** The position the leg adds to, when it adds to one rather than minting. */
  addsTo?: bigint;
  /** The tokens the leg's event may report, to show its amounts. */
  tokens: { address: Address; symbol: string; decimals: number }[];
  /** USD moved, for the gas share; prices are the market's USD quotes (8 decimals) by lowercase address. */
  valueUsd: (prices: ReadonlyMap<string, bigint> | undefined) => number;
}

/** A receipt line for one of the Migrator's events. */
export interface EventDescription {
  title: string;
  detail?: string;
  /** Where the new position can be seen (the dashboard's row of it). */
  link?: { href: string; label: string };
}

/** A route as the review, the receipt and the dashboard name it and describe its events. */
export interface RouteDescriptor<Name extends RouteName = RouteName> {
  route: Name;
  /** "Uniswap V2 → V3". */
  label: string;
  /** The route's event in the receipt; `leg` is the sent leg with the event's source, when there is one. */
  describe: (event: MigrationEvent, leg: LegSummary | undefined) => EventDescription;
}

/**
 * Everything the app knows about one route of the Migrator. `Sources` is what `discover` reads for an account,
 * `Input` the user's choices with the chain state a plan needs, `Plan` one planned leg, `Name` its enum member.
 */
export interface RouteAdapter<Sources, Input, Plan, Name extends RouteName = RouteName> extends RouteDescriptor<Name> {
  /** The account's sources on the old version, with what planning them needs. */
  discover: (client: PublicClient, chainId: number, owner: Address) => Promise<Sources>;
  /** The user's inputs to contract params and previewed amounts, or why they cannot move. */
  plan: (input: Input) => Planned<Plan>;
  summary: (plan: Plan) => LegSummary;
  /** The approval transactions that stand in for the leg's signatures, one per key. */
  approvals: (plan: Plan, migrator: Address) => Approval[];
  /** The signatures the leg needs, one per key, built from on-chain nonces and checked signing domains. */
  signatureRequests: (context: SigningContext, plan: Plan) => Promise<SignatureRequest[]>;
  /** The leg as the Migrator's `Position`, with the signatures found in the book. */
  encode: (plan: Plan, signatures: SignatureBook) => MigratorPosition;
}

/** A planned leg with its route's functions bound: what the flow, the signer and the simulation handle. */
export interface Leg extends LegSummary {
  route: RouteName;
  approvals: Approval[];
  signatureRequests: (context: SigningContext) => Promise<SignatureRequest[]>;
  encode: (signatures: SignatureBook) => MigratorPosition;
}

/** Binds a plan to its route's adapter. */
export function legOf<Plan>(adapter: RouteAdapter<unknown, never, Plan>, plan: Plan, migrator: Address): Leg {
  return {
    ...adapter.summary(plan),
    route: adapter.route,
    approvals: adapter.approvals(plan, migrator),
    signatureRequests: (context) => adapter.signatureRequests(context, plan),
    encode: (signatures) => adapter.encode(plan, signatures),
  };
}

/** The signed requests as the contract takes them, by key. */
export function signatureBook(
  requests: SignatureRequest[],
  signatures: Readonly<Record<string, Hex>>,
  deadline: bigint,
) {
  return new Map(
    requests.flatMap((item): [AuthorizationKey, PermitSignature][] => {
      const signature = signatures[item.key];
      return signature ? [[item.key, toPermitSignature(signature, grantedValue(item), deadline)]] : [];
    }),
  );
}
