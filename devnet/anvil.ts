import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import { type Hash, type PublicClient, type TransactionReceipt, TransactionReceiptNotFoundError } from "viem";

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

/** What anvil prints once bound: "Listening on 127.0.0.1:<port>". */
const LISTENING = "Listening on";

/**
 * Starts anvil directly (never through npx, whose wrapper can outlive a kill) and waits until it listens. A free
 * port can be taken by another process between `freePort` and anvil's bind: then, unless `port` was asked for,
 * anvil is started again on another one.
 */
export async function startAnvil(args: string[], port?: number): Promise<AnvilNode> {
  for (let attempt = 1; ; attempt++) {
    const chosen = port ?? (await freePort());
    try {
      return await startAnvilOn(chosen, args);
    } catch (error) {
      const raced = port === undefined && attempt < 3 && /Address already in use/.test((error as Error).message);
      if (!raced) throw error;
    }
  }
}

/**
 * Ready when this child says it listens: an RPC answer alone could come from another node that holds the port
 * while this one failed to bind.
 */
function startAnvilOn(port: number, args: string[]): Promise<AnvilNode> {
  const child = spawn(ANVIL_BIN, ["--port", String(port), "--host", "127.0.0.1", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const rpcUrl = `http://127.0.0.1:${port}`;
  let output = "";
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`anvil did not listen on ${rpcUrl} within 60 s: ${output}`));
    }, 60_000);
    const exited = (code: number | null) => {
      clearTimeout(timeout);
      reject(new Error(`anvil exited with ${code}: ${output}`));
    };
    const collect = (chunk: Buffer) => {
      // Keep reading once listening too: a full pipe would block anvil's request log.
      if (output.includes(LISTENING)) return;
      output += chunk;
      if (!output.includes(`${LISTENING} 127.0.0.1:${port}`)) return;
      clearTimeout(timeout);
      child.off("exit", exited);
      if (child.pid === undefined) return reject(new Error("anvil started without a pid"));
      resolve({ rpcUrl, port, pid: child.pid, stop: () => stopProcess(child) });
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", exited);
  });
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

/**
 * The receipt of a transaction sent to an automining anvil, polled until it can be read. Not viem's
 * `waitForTransactionReceipt`: that looks again only when a new block arrives, and on a devnet where nothing else is
 * being sent none does, so a receipt not yet readable at its first look (anvil mines right after answering the
 * send) was never seen and the wait timed out after 3 minutes.
 */
export async function minedReceipt(
  client: Pick<PublicClient, "getTransactionReceipt">,
  hash: Hash,
  timeoutMs = 60_000,
): Promise<TransactionReceipt> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await client.getTransactionReceipt({ hash });
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError)) throw error;
      if (Date.now() > deadline) throw new Error(`transaction ${hash} was not mined within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
