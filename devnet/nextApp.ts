import { spawn } from "node:child_process";
import { join } from "node:path";
import { freePort, stopProcess } from "./anvil";

export const NEXT_BIN = join(import.meta.dirname, "..", "node_modules", ".bin", "next");

export interface RunningApp {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Serves the production build (`next build` must have run) against one chain. The chain is runtime
 * configuration, so the same build serves the world, a fork or a real network.
 */
export async function startApp({
  rpcUrl,
  chainId,
  port,
  indexerUrl,
}: {
  rpcUrl: string;
  chainId: number;
  port?: number;
  /** The indexer's API, for the dashboard (FERRY_INDEXER_URL). */
  indexerUrl?: string;
}) {
  const chosen = port ?? (await freePort());
  const child = spawn(NEXT_BIN, ["start", "--port", String(chosen), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      FERRY_RPC_URL: rpcUrl,
      FERRY_CHAIN_ID: String(chainId),
      ...(indexerUrl && { FERRY_INDEXER_URL: indexerUrl }),
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const url = `http://127.0.0.1:${chosen}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      await stopProcess(child);
      throw new Error(`the app did not answer on ${url} within 60 s: ${stderr}`);
    }
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (child.pid === undefined) throw new Error("next start began without a pid");
  return { url, pid: child.pid, stop: () => stopProcess(child) } satisfies RunningApp;
}
