/**
 * `npm run bench:start`: how long `npm start` takes to print its banner, cold and warm, on a clone of the committed
 * HEAD (the working tree's own caches stay untouched). Cold = `git clean -xdf` except node_modules before the run:
 * no world cache, no `.next`, no forge cache, as on a fresh clone after `npm install`. Warm = caches kept.
 * Every run is stopped with SIGINT to its process group, as Ctrl-C would.
 *
 * BENCH_RUNS (default 3) runs of each.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT_DIR } from "../world-files";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const READY = /Ferry is ready in ([\d.]+) s/;

/** One `npm start` until its banner; returns the seconds it reports, after stopping everything it started. */
function startOnce(dir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["start"], { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let seconds: number | undefined;
    const collect = (chunk: Buffer) => {
      output += chunk;
      const ready = READY.exec(output);
      if (ready && seconds === undefined) {
        seconds = Number(ready[1]);
        process.kill(-(child.pid as number), "SIGINT");
      }
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", reject);
    child.once("exit", () =>
      seconds === undefined
        ? reject(new Error(`npm start ended without its banner:\n${output.slice(-2000)}`))
        : resolve(seconds),
    );
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const dir = mkdtempSync(join(tmpdir(), "ferry-start-bench-"));
try {
  execFileSync("git", ["clone", "--quiet", ROOT_DIR, dir]);
  // The installed dependencies, hard-linked: `npm install` is not what this measures.
  execFileSync("cp", ["-al", join(ROOT_DIR, "node_modules"), join(dir, "node_modules")]);
  const load = loadavg()[0]?.toFixed(2);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    execFileSync("git", ["clean", "-xdfq", "-e", "node_modules"], { cwd: dir });
    cold.push(await startOnce(dir));
  }
  for (let run = 0; run < RUNS; run++) warm.push(await startOnce(dir));

  console.log(`\nnpm start to banner, ${RUNS} runs each (load average ${load} at the start)\n`);
  console.log("| | runs (s) | median (s) |\n|---|---|---|");
  console.log(`| cold (fresh clone after npm install) | ${cold.join(" / ")} | ${median(cold)} |`);
  console.log(`| warm (caches kept) | ${warm.join(" / ")} | ${median(warm)} |`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
