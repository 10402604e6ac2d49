"use client";

import { ConnectButton } from "@rainbow-me/rainbowkit";
import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/80 dark:border-slate-800 dark:bg-slate-900/80">
      <nav aria-label="Main" className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="text-lg font-semibold tracking-tight text-ferry-600 dark:text-ferry-100">
          Ferry
        </Link>
        <div className="flex items-center gap-4 text-sm">
          <Link href="/migrate" className="hover:underline">
            Migrate
          </Link>
          <Link href="/dashboard" className="hover:underline">
            Dashboard
          </Link>
          <ConnectButton showBalance={false} chainStatus="icon" />
        </div>
      </nav>
    </header>
  );
}
