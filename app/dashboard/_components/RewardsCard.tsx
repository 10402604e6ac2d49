"use client";

import { useState } from "react";
import { type Address, erc20Abi, type Hash } from "viem";
import { useAccount, useChainId, useReadContracts } from "wagmi";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { PendingTransaction } from "@/components/PendingTransaction";
import { describeClaimFailure, useRewardsClaim, useRewardsReport } from "@/hooks/useRewards";
import { type RewardsStatus, rewardsStatus } from "@/lib/campaign/rewardsClaim";
import { rewardsDeploymentFor } from "@/lib/campaign/rewardsDeployment";
import { formatAmount, formatMoment } from "@/lib/format";
import { rewardsDistributorAbi } from "@/lib/generated/abis";
import { StatTile } from "./StatTile";

/** The campaign's reward token as the card shows amounts of it. */
interface RewardToken {
  symbol: string;
  decimals: number;
}

/**
 * The connected user's rewards: what they can claim now, what they have claimed, and when the next root becomes
 * claimable; one transaction claims everything claimable.
 */
export function RewardsCard({ indexerUrl }: { indexerUrl: string }) {
  const { address } = useAccount();
  const deployment = rewardsDeploymentFor(useChainId());
  return (
    <Card title="My rewards">
      {!deployment ? (
        <p className="text-sm text-muted">This chain has no rewards campaign.</p>
      ) : !address ? (
        <p className="text-sm text-muted">Connect a wallet to see and claim your rewards.</p>
      ) : (
        <Rewards
          indexerUrl={indexerUrl}
          user={address}
          distributor={deployment.distributor}
          token={deployment.rewardToken}
        />
      )}
    </Card>
  );
}

function Rewards({
  indexerUrl,
  user,
  distributor,
  token,
}: {
  indexerUrl: string;
  user: Address;
  distributor: Address;
  token: Address;
}) {
  const report = useRewardsReport(indexerUrl, user);
  const reads = useReadContracts({
    allowFailure: false,
    contracts: [
      { address: token, abi: erc20Abi, functionName: "symbol" },
      { address: token, abi: erc20Abi, functionName: "decimals" },
      { address: distributor, abi: rewardsDistributorAbi, functionName: "claimed", args: [user, token] },
    ],
  });
  if (report.error && !report.data) {
    return <Alert tone="error">Your rewards are unavailable: {report.error.message}</Alert>;
  }
  if (reads.error && !reads.data) {
    return <Alert tone="error">The rewards distributor cannot be read: {reads.error.message}</Alert>;
  }
  if (!report.data || !reads.data) return <p className="text-sm text-muted">Loading your rewards…</p>;
  const [symbol, decimals, claimed] = reads.data;
  return (
    <ClaimPanel
      user={user}
      distributor={distributor}
      token={{ symbol, decimals }}
      status={rewardsStatus(report.data, token, claimed)}
      onClaimed={() => Promise.all([reads.refetch(), report.refetch()])}
    />
  );
}

function ClaimPanel({
  user,
  distributor,
  token,
  status,
  onClaimed,
}: {
  user: Address;
  distributor: Address;
  token: RewardToken;
  status: RewardsStatus;
  onClaimed: () => Promise<unknown>;
}) {
  const sender = useRewardsClaim(user, distributor);
  const [error, setError] = useState<string>();
  const [paid, setPaid] = useState<{ amount: bigint; hash: Hash; gasUsed: bigint }>();
  const format = (amount: bigint) => `${formatAmount(amount, token.decimals, 4)} ${token.symbol}`;

  const claim = async () => {
    if (!status.claim) return;
    setError(undefined);
    setPaid(undefined);
    try {
      const receipt = await sender.claim(status.claim);
      setPaid({ amount: status.claimableNow, hash: receipt.transactionHash, gasUsed: receipt.gasUsed });
      await onClaimed();
    } catch (caught) {
      setError(describeClaimFailure(caught));
    }
  };

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <StatTile label="Claimable now" value={format(status.claimableNow)} />
        <StatTile label="Claimed so far" value={format(status.claimedSoFar)} />
        <StatTile
          label="Next root"
          value={status.next ? formatMoment(status.next.claimableAt, Math.floor(Date.now() / 1000)) : "none pending"}
          hint={
            status.next
              ? `claimable then: ${format(status.next.more)} more`
              : "the publisher proposes one after each epoch that earns"
          }
        />
      </div>
      {status.claim ? (
        <Button onClick={claim} disabled={Boolean(sender.pending)}>
          Claim {format(status.claimableNow)}
        </Button>
      ) : (
        <Alert tone="info">
          Nothing to claim right now
          {status.claimedSoFar > 0n ? ": you have claimed everything published so far" : ""}.
          {status.next ? " More becomes claimable when the next root passes its dispute window." : ""}
        </Alert>
      )}
      {sender.pending ? <PendingTransaction hash={sender.pending.hash} /> : null}
      {paid ? (
        <Alert tone="success">
          Claimed {format(paid.amount)} in one transaction (<code className="break-all">{paid.hash}</code>,{" "}
          {paid.gasUsed.toLocaleString("en-US")} gas).
        </Alert>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
    </div>
  );
}
