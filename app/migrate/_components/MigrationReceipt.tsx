"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { formatEther } from "viem";
import { Alert } from "@/components/Alert";
import { Button } from "@/components/Button";
import { Card } from "@/components/Card";
import { gasCost } from "@/lib/chain/gasCost";
import { formatUsd } from "@/lib/format";
import { describeEvent } from "@/lib/routes/registry";
import type { MigrationResult } from "./SignAndMigrate";

const LINK = "font-medium text-ferry-700 underline dark:text-ferry-100";

/**
 * What the transaction did, read from the Migrator's events and described by each event's route, above the cards
 * (which stay, and read the chain again): where each new position is, and what the gas cost in ETH and USD.
 */
export function MigrationReceipt({
  result,
  ethUsd,
  onDismiss,
}: {
  result: MigrationResult;
  /** The ETH price (8 decimals), when the market read has it. */
  ethUsd: bigint | undefined;
  onDismiss: () => void;
}) {
  const heading = useRef<HTMLDivElement>(null);
  // The receipt appears above cards the user scrolled past: bring it into view and announce it.
  // (A block body: Chromium's scrollIntoView returns a promise, which React would take for the effect's cleanup.)
  useEffect(() => {
    heading.current?.scrollIntoView({ block: "start" });
  }, []);
  const paidWei = result.gasUsed * result.effectiveGasPrice;
  const paidUsd = ethUsd === undefined ? undefined : gasCost(result.gasUsed, result.effectiveGasPrice, ethUsd, 0).usd;
  return (
    <div ref={heading}>
      <Card title="Migrated">
        <Alert tone="success">
          Done in one transaction (<code className="break-all">{result.hash}</code>). Gas:{" "}
          {result.gasUsed.toLocaleString("en-US")} units, {Number(formatEther(paidWei)).toPrecision(3)} ETH
          {paidUsd === undefined ? "" : ` (${formatUsd(paidUsd)})`}.
        </Alert>
        <ul className="space-y-2 text-sm" aria-label="Migrated positions">
          {result.events.map((event) => {
            const { title, detail, link } = describeEvent(event, result.legs);
            return (
              // A batch moves each source once.
              <li key={`${event.route}-${event.source}`}>
                <p className={detail ? "font-medium" : undefined}>{title}</p>
                {detail ? <p>{detail}</p> : null}
                {link ? (
                  <Link className={LINK} href={link.href}>
                    {link.label}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
        <div className="flex flex-wrap items-center gap-4">
          <Link className={LINK} href="/dashboard">
            See your points and positions
          </Link>
          <Button variant="secondary" onClick={onDismiss}>
            Migrate another position
          </Button>
        </div>
      </Card>
    </div>
  );
}
