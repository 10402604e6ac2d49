import type { NextConfig } from "next";
import { parseChainConfig } from "./lib/chain/config";

// Fail at start-up, with the variable named, rather than in the browser later.
parseChainConfig(process.env);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm run typecheck` checks the whole repository (app, lib, devnet, e2e, indexer) once; the build skips it.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
