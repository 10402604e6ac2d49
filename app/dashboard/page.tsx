import type { Metadata } from "next";
import { parseIndexerConfig } from "@/lib/campaign/indexerConfig";
import { Dashboard } from "./_components/Dashboard";

export const metadata: Metadata = { title: "Dashboard — Ferry" };

// The indexer's URL is runtime configuration: read it per request, not at build time.
export const dynamic = "force-dynamic";

export default function DashboardPage() {
  const { url } = parseIndexerConfig(process.env);
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Migration campaign</h1>
        <p className="text-muted">
          Liquidity moved to the new versions through Ferry, who moved it, and the points it earns while it stays.
        </p>
      </header>
      <Dashboard indexerUrl={url} />
    </section>
  );
}
