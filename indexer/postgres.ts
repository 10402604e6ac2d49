import { execFile } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { freePort } from "../devnet/anvil";

const run = promisify(execFile);

export interface RunningPostgres {
  /** Connection string of a fresh database on the server, for one indexer. */
  database(name: string): Promise<string>;
  /** The server's (postmaster's) pid: its connections run in child processes (the benchmark counts their CPU time). */
  pid: number;
  stop(): Promise<void>;
}

/** The newest Debian PostgreSQL's binaries (`.ci/run` installs them when missing). */
function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(join(root, name, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version)
    throw new Error(`no PostgreSQL under ${root}: install it (apt-get install -y postgresql, as .ci/run does)`);
  return join(root, version, "bin");
}

/**
 * A throwaway PostgreSQL server for the indexer's tests and benchmark: a fresh data directory, a free loopback port, trust auth. initdb
 * refuses root, so when the tests run as root the server runs as the `postgres` user, which must own the directory.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), "ferry-postgres-"));
  const asServer = (command: string, args: string[]) =>
    process.getuid?.() === 0
      ? run("runuser", ["-u", "postgres", "--", join(bin, command), ...args])
      : run(join(bin, command), args);
  if (process.getuid?.() === 0) {
    const { stdout } = await run("id", ["-u", "postgres"]);
    const { stdout: gid } = await run("id", ["-g", "postgres"]);
    chownSync(dir, Number(stdout), Number(gid));
  }
  const data = join(dir, "data");
  const port = await freePort();
  await asServer("initdb", ["-D", data, "-A", "trust", "-U", "ferry", "--no-sync"]);
  await asServer("pg_ctl", [
    "-D",
    data,
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    "-l",
    join(dir, "log"),
    "-w",
    "start",
  ]);
  const url = (name: string) => `postgresql://ferry@127.0.0.1:${port}/${name}`;
  return {
    // postmaster.pid's first line (PostgreSQL's own record of its pid).
    pid: Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]),
    async database(name) {
      await run(join(bin, "psql"), [
        "-h",
        "127.0.0.1",
        "-p",
        String(port),
        "-U",
        "ferry",
        "-d",
        "postgres",
        "-c",
        `CREATE DATABASE "${name}"`,
      ]);
      return url(name);
    },
    async stop() {
      await asServer("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
