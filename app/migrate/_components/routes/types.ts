import type { ReactNode } from "react";
import type { Address } from "viem";
import type { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import type { Parsed } from "@/lib/inputs";
import type { Leg } from "@/lib/routes/types";
import type { Approvals } from "../ApprovalsToggle";
import type { MigrationResult } from "../SignAndMigrate";

/** What the flow gives every route: the account, the chain, and the settings the whole batch shares. */
export interface RouteContext {
  owner: Address;
  chainId: number;
  migrator: Address;
  slippageBps: Parsed<number>;
  approvals: Approvals;
  onApprovalsChange: (useApprovals: boolean) => void;
  /** A route that sends its own transaction reports it here: the flow shows the receipt and refreshes the cards. */
  onMigrated: (result: MigrationResult) => void;
}

/** What a route's cards show once every route has planned: the shared quotes, the batch's simulation. */
export interface BatchView {
  market: ReturnType<typeof useMarketData>;
  simulation: ReturnType<typeof useMigrationSimulation>;
  /** Some route chose what to move in the shared transaction: the review card is on the page. */
  batchOpen: boolean;
}

/** A route's part of the page: its state, planned into legs for the batch, and its cards. */
export interface RouteSettings {
  /** Tokens the route shows USD values of (the flow reads their prices once, for all routes). */
  tokens: Address[];
  /** The user chose sources of this route for the shared transaction: the batch opens. */
  opensBatch: boolean;
  /** The planned legs the route puts in the shared transaction when the batch is open. */
  legs: Leg[];
  /** Every chosen source has a plan (none waits for a read or has an error). */
  complete: boolean;
  /** Every leg may go: nothing blocks it and every confirmation is given. */
  sendable: boolean;
  render: (view: BatchView) => ReactNode;
}

/** A route's settings: a hook that holds its choices and plans them, called once per render by the flow. */
export type UseRouteSettings = (context: RouteContext) => RouteSettings;
