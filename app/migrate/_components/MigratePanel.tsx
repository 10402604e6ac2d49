"use client";

import { ConnectButton } from "@rainbow-me/rainbowkit";
import dynamic from "next/dynamic";
import { useAccount, useChainId, useChains, useSwitchChain } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { describeWalletError } from "@/lib/chain/walletErrors";
import { KeptInputsAccount, KeptInputsProvider } from "./keptInputs";

// The flow (Uniswap SDK, charts) needs a connected wallet: keep it out of the page's first load.
const MigrationFlow = dynamic(() => import("./MigrationFlow").then(({ MigrationFlow }) => MigrationFlow), {
  loading: () => <Card>Loading the migration flow…</Card>,
});

/**
 * The migration flow: connect, be on the right chain, pick a position, authorise it. The user's choices are kept
 * here, above the flow, so a network switch or a reconnect (which unmount it) loses none of them.
 */
export function MigratePanel() {
  return (
    <KeptInputsProvider>
      <Panel />
    </KeptInputsProvider>
  );
}

function Panel() {
  const { address, chainId: walletChainId, isConnected } = useAccount();
  const appChainId = useChainId();

  if (!isConnected || !address) {
    return (
      <Card title="Connect a wallet">
        <p>Connect the wallet that holds your Uniswap V2 liquidity to see what Ferry can move for you.</p>
        <ConnectButton />
      </Card>
    );
  }
  if (walletChainId !== appChainId) return <WrongChain />;
  return (
    <KeptInputsAccount account={address}>
      <MigrationFlow owner={address} />
    </KeptInputsAccount>
  );
}

function WrongChain() {
  const [chain] = useChains();
  const { switchChain, isPending, error } = useSwitchChain();
  return (
    <Card title="Wrong network">
      <p>Your wallet is on another network. Ferry will not ask you to sign anything until it is on {chain.name}.</p>
      <Button onClick={() => switchChain({ chainId: chain.id })} disabled={isPending}>
        Switch to {chain.name}
      </Button>
      {error ? <Alert tone="error">{describeWalletError(error)}</Alert> : null}
    </Card>
  );
}
