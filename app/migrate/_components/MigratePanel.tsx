"use client";

import { ConnectButton } from "@rainbow-me/rainbowkit";
import { useState } from "react";
import type { Address } from "viem";
import { useAccount, useChainId, useChains, useSwitchChain } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { useV2Positions } from "@/hooks/useV2Positions";
import { describeWalletError } from "@/lib/walletErrors";
import { PermitStep } from "./PermitStep";
import { PositionList } from "./PositionList";

/** The migration flow: connect, be on the right chain, pick a position, authorise it. */
export function MigratePanel() {
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
  return <Positions owner={address} />;
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

function Positions({ owner }: { owner: Address }) {
  const positions = useV2Positions(owner);
  const [selectedPair, setSelectedPair] = useState<Address>();

  if (positions.isPending) return <Card>Looking for your positions…</Card>;
  if (positions.isError) {
    return (
      <Card title="Could not read your positions">
        <Alert tone="error">{describeWalletError(positions.error)}</Alert>
        <Button variant="secondary" onClick={() => positions.refetch()}>
          Try again
        </Button>
      </Card>
    );
  }
  if (positions.data.length === 0) {
    return (
      <Card title="No positions to migrate">
        <p>
          This account holds no Uniswap V2 liquidity in the pairs Ferry supports. Connect another account, or add
          liquidity on the old version first.
        </p>
      </Card>
    );
  }
  const selected = positions.data.find((position) => position.pair === selectedPair);
  return (
    <div className="space-y-6">
      <PositionList positions={positions.data} selected={selectedPair} onSelect={setSelectedPair} />
      {selected ? <PermitStep key={selected.pair} owner={owner} position={selected} /> : null}
    </div>
  );
}
