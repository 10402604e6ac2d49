"use client";

import { Fragment, useState } from "react";
import type { Address } from "viem";
import { useChainId } from "wagmi";
import { Alert } from "@/components/Alert";
import { useAccountKind } from "@/hooks/useAccountKind";
import { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import { useRefreshPositions } from "@/hooks/useRefreshPositions";
import { DEFAULT_SLIPPAGE, parseSlippage } from "@/lib/inputs";
import { ferryDeploymentFor } from "@/lib/migrator/deployment";
import { batchSimulation } from "@/lib/routes/batch";
import { routeId } from "@/lib/routes/routeIds";
import type { Approvals } from "./ApprovalsToggle";
import { FlowAlertProvider } from "./FlowAlert";
import { useKeptState } from "./keptInputs";
import { MigrationReceipt } from "./MigrationReceipt";
import { type BatchOptions, ReviewCard } from "./ReviewCard";
import { SETTINGS_HOOKS } from "./routes";
import type { RouteContext } from "./routes/types";
import type { MigrationResult } from "./SignAndMigrate";

/** Every route's sources and settings, with the last migration's receipt above them. */
export function MigrationFlow({ owner }: { owner: Address }) {
  const deployment = ferryDeploymentFor(useChainId());
  if (!deployment) {
    return (
      <Alert tone="error">Ferry's Migrator is not deployed on this network yet, so nothing can be migrated.</Alert>
    );
  }
  return (
    <FlowAlertProvider>
      <Batch owner={owner} migrator={deployment.migrator} />
    </FlowAlertProvider>
  );
}

/**
 * Each route plans its legs; the legs of all routes are previewed, signed and sent as one transaction. A migration
 * (the batch's, or a route's own) leaves the page in place: its receipt goes on top and the cards read the chain again.
 */
function Batch({ owner, migrator }: { owner: Address; migrator: Address }) {
  const chainId = useChainId();
  const [options, setOptions] = useKeptState<BatchOptions>("batch.options", {
    slippage: DEFAULT_SLIPPAGE,
    unwrapWeth: false,
    useApprovals: false,
  });
  const [receipt, setReceipt] = useState<MigrationResult>();
  const refreshPositions = useRefreshPositions(owner);
  const onMigrated = (result: MigrationResult) => {
    setReceipt(result);
    refreshPositions();
  };
  const contractWallet = useAccountKind(owner).data === "contract";
  const approvals: Approvals = { contractWallet, active: contractWallet || options.useApprovals };
  const slippageBps = parseSlippage(options.slippage);
  const context: RouteContext = {
    owner,
    chainId,
    migrator,
    slippageBps,
    approvals,
    onApprovalsChange: (useApprovals) => setOptions((current) => ({ ...current, useApprovals })),
    onMigrated,
  };
  // The same hooks in the same order on every render: the registry is a constant.
  const routes = SETTINGS_HOOKS.map((settingsOf, index) => ({ index, ...settingsOf(context) }));

  const market = useMarketData(routes.flatMap((route) => route.tokens));
  const batchOpen = routes.some((route) => route.opensBatch);
  const legs = batchOpen
    ? routes.flatMap((route) => route.legs).sort((a, b) => routeId(a.route) - routeId(b.route))
    : [];
  const complete = batchOpen && routes.every((route) => route.complete);
  // A fresh object each render is fine: the query key is hashed by content (bigints included).
  const simulation = useMigrationSimulation(
    complete && legs.length > 0
      ? { migrator, owner, ...batchSimulation(legs, { signing: !approvals.active }), unwrapWeth: options.unwrapWeth }
      : undefined,
  );
  const view = { market, simulation, batchOpen };

  return (
    <div className="space-y-6">
      {receipt ? (
        <MigrationReceipt result={receipt} ethUsd={market.data?.ethUsd} onDismiss={() => setReceipt(undefined)} />
      ) : null}
      {routes.map((route) => (
        <Fragment key={route.index}>{route.render(view)}</Fragment>
      ))}
      {batchOpen ? (
        <ReviewCard
          owner={owner}
          migrator={migrator}
          legs={legs}
          sendable={complete && routes.every((route) => route.sendable)}
          options={options}
          slippageBps={slippageBps}
          onOptionsChange={setOptions}
          approvals={approvals}
          simulation={simulation}
          market={market}
          onDone={onMigrated}
        />
      ) : null}
    </div>
  );
}
