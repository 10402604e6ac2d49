"use client";

import { connectorsForWallets, darkTheme, lightTheme, RainbowKitProvider } from "@rainbow-me/rainbowkit";
import { injectedWallet, walletConnectWallet } from "@rainbow-me/rainbowkit/wallets";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { type State, WagmiProvider } from "wagmi";
import { hashFn } from "wagmi/query";
import type { ChainConfig } from "@/lib/chain/config";
import { createWagmiConfig } from "@/lib/chain/wagmi";

/**
 * Injected wallets (and every EIP-6963 wallet the browser announces) only, so nothing contacts an outside
 * server; WalletConnect joins when a project id is configured.
 */
function walletConnectors({ walletConnectProjectId }: ChainConfig) {
  return connectorsForWallets(
    [
      {
        groupName: "Wallets",
        wallets: walletConnectProjectId ? [injectedWallet, walletConnectWallet] : [injectedWallet],
      },
    ],
    { appName: "Ferry", projectId: walletConnectProjectId ?? "" },
  );
}

/**
 * RainbowKit's default accent (#0e76fd) under its white bold labels is 4.17:1, below WCAG AA's 4.5:1; Ferry's
 * ferry-600 is 5.5:1.
 */
const ACCENT = { accentColor: "#1f63d8", accentColorForeground: "#ffffff" };
const RAINBOWKIT_THEME = { lightMode: lightTheme(ACCENT), darkMode: darkTheme(ACCENT) };

export function Providers({
  chainConfig,
  initialState,
  children,
}: {
  chainConfig: ChainConfig;
  initialState: State | undefined;
  children: ReactNode;
}) {
  const [wagmiConfig] = useState(() => createWagmiConfig(chainConfig, walletConnectors(chainConfig)));
  // wagmi's hash function: query keys hold bigints, which JSON.stringify cannot hash.
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { queryKeyHashFn: hashFn } } }));
  return (
    <WagmiProvider config={wagmiConfig} initialState={initialState}>
      <QueryClientProvider client={queryClient}>
        <RainbowKitProvider theme={RAINBOWKIT_THEME} modalSize="compact">
          {children}
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
