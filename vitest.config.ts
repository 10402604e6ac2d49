import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["lib/**/*.test.ts", "devnet/**/*.test.ts", "indexer/**/*.test.ts"],
    testTimeout: 60_000,
  },
  resolve: { alias: { "@": import.meta.dirname } },
});
