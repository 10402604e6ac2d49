"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import type { Address } from "viem";
import { useChainId } from "wagmi";
import { Alert } from "@/components/Alert";
import { useAccountKind } from "@/hooks/useAccountKind";
import { useMarketData, useMigrationSimulation } from "@/hooks/useMigrationPreview";
import { DEFAULT_SLIPPAGE, parseSlippage } from "@/lib/inputs";
import { ferryDeploymentFor } from "@/lib/migrator/deployment";
import { batchSimulation } from "@/lib/routes/batch";
import { type RouteName, routeId } from "@/lib/routes/routeIds";
import type { Approvals } from "./ApprovalsToggle";
import { MigrationReceipt } from "./MigrationReceipt";
import { type BatchOptions, ReviewCard } from "./ReviewCard";
import { ROUTE_SETTINGS } from "./routes";
import type { RouteContext } from "./routes/types";
import type { MigrationResult } from "./SignAndMigrate";

/** Every route's sources and settings, then the receipt; "migrate another" starts again from fresh choices. */
export function MigrationFlow({ owner }: { owner: Address }) {
  const deployment = ferryDeploymentFor(useChainId());
  const queryClient = useQueryClient();
  const [result, setResult] = useState<MigrationResult>();
  const [round, setRound] = useState(0);

  if (!deployment) {
    return (
      <Alert tone="error">Ferry's Migrator is not deployed on this network yet, so nothing can be migrated.</Alert>
    );
  }
  if (result) {
    return (
      <MigrationReceipt
        result={result}
        onAgain={() => {
          setResult(undefined);
          setRound((current) => current + 1);
          queryClient.invalidateQueries();
        }}
      />
    );
  }
  return <Batch key={round} owner={owner} migrator={deployment.migrator} onDone={setResult} />;
}

const routeNames = Object.keys(ROUTE_SETTINGS) as RouteName[];

/** Each route plans its legs; the legs of all routes are previewed, signed and sent as one transaction. */
function Batch({
  owner,
  migrator,
  onDone,
}: {
  owner: Address;
  migrator: Address;
  onDone: (result: MigrationResult) => void;
}) {
  const chainId = useChainId();
  const [options, setOptions] = useState<BatchOptions>({
    slippage: DEFAULT_SLIPPAGE,
    unwrapWeth: false,
    useApprovals: false,
  });
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
  };
  // The same hooks in the same order on every render: the registry is a constant.
  const routes = routeNames.map((name) => ({ name, ...ROUTE_SETTINGS[name](context) }));

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
      {routes.map((route) => (
        <Fragment key={route.name}>{route.render(view)}</Fragment>
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
          onDone={onDone}
        />
      ) : null}
    </div>
  );
}
