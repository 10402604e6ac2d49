import type { Metadata } from "next";
import { SlowNetworkNotice } from "@/components/SlowNetworkNotice";
import { MigratePanel } from "./_components/MigratePanel";

export const metadata: Metadata = { title: "Migrate — Ferry" };

export default function MigratePage() {
  return (
    <section className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold tracking-tight">Migrate your positions</h1>
        <p className="text-muted">
          Pick a position on the old version, review exactly what you authorise, and move it in one transaction.
        </p>
      </header>
      <SlowNetworkNotice />
      <MigratePanel />
    </section>
  );
}
