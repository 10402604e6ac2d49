import "@rainbow-me/rainbowkit/styles.css";
import "./globals.css";
import { GeistMono } from "geist/font/mono";
import { GeistSans } from "geist/font/sans";
import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { cookieToInitialState } from "wagmi";
import { SiteHeader } from "@/components/SiteHeader";
import { parseChainConfig } from "@/lib/chain/config";
import { createWagmiConfig } from "@/lib/chain/wagmi";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "Ferry — move your liquidity in one transaction",
  description: "Migrate Uniswap and Aave positions to the protocol's new version in one signed transaction.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read at request time so one build serves any chain (devnet, fork, mainnet).
  const chainConfig = parseChainConfig(process.env);
  const initialState = cookieToInitialState(createWagmiConfig(chainConfig), (await headers()).get("cookie"));
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">
        <Providers chainConfig={chainConfig} initialState={initialState}>
          <SiteHeader />
          <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
