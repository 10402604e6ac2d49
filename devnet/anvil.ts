import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";

/**
 * The anvil binary itself, from the platform package npm installed. Not `.bin/anvil`: that is a Node wrapper, and
 * when the process that started it dies, killing the wrapper can leave the real anvil running.
 */
const ARCH = ({ x64: "amd64", arm64: "arm64" } as Record<string, string>)[process.arch] ?? process.arch;
export const ANVIL_BIN = join(
  import.meta.dirname,
  "..",
  "node_modules",
  "@foundry-rs",
  `anvil-${process.platform}-${ARCH}`,
  "bin",
  "anvil",
);

export interface AnvilNode {
  rpcUrl: string;
  port: number;
  pid: number;
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port, or checks that `preferred` is free. */
export function freePort(preferred = 0): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(preferred, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** `preferred` when it is free, another free port otherwise. */
export async function preferredOrFreePort(preferred: number): Promise<number> {
  return freePort(preferred).catch(() => freePort());
}

/** Starts anvil directly (never through npx, whose wrapper can outlive a kill) and waits until it answers RPC. */
export async function startAnvil(args: string[], port?: number): Promise<AnvilNode> {
  const chosen = port ?? (await freePort());
  const child = spawn(ANVIL_BIN, ["--port", String(chosen), "--host", "127.0.0.1", ...args], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += chunk;
  });
  const rpcUrl = `http://127.0.0.1:${chosen}`;
  await waitForRpc(rpcUrl, child, () => stderr);
  if (child.pid === undefined) throw new Error("anvil started without a pid");
  return { rpcUrl, port: chosen, pid: child.pid, stop: () => stopProcess(child) };
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`anvil exited with ${child.exitCode}: ${stderr()}`);
    try {
      await rpc(rpcUrl, "eth_chainId", []);
      return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  child.kill("SIGKILL");
  throw new Error(`anvil did not answer on ${rpcUrl} within 60 s: ${stderr()}`);
}

/** Stops exactly this process: SIGTERM, then SIGKILL if it lingers. */
export function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A bare JSON-RPC call, for anvil's own methods (anvil_*, evm_*) that viem's typed clients do not list. */
export async function rpc<T>(rpcUrl: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method} failed: ${body.error.message}`);
  return body.result as T;
}
