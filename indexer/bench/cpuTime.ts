import { readdirSync, readFileSync } from "node:fs";

/**
 * CPU seconds used by processes, from Linux's /proc: the benchmark's wall times depend on what else the machine runs
 * (a shared 2-core box), the CPU time a backfill costs does not.
 */

/** Clock ticks per second of /proc's times (`getconf CLK_TCK`: 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  parent: number;
  /** utime + stime, and the same of waited-for children that exited. */
  ticks: number;
}

function procStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: the fields after it start at its last ')'.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  // Fields 3.. of proc(5): state, ppid (4), …, utime (14), stime (15), cutime (16), cstime (17).
  const field = (n: number) => Number(fields[n - 3]);
  return { parent: field(4), ticks: field(14) + field(15) + field(16) + field(17) };
}

/** CPU seconds `pid` and every live descendant have used so far (worker threads are part of their process). */
export function cpuSeconds(pid: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync("/proc")) {
    const child = Number(entry);
    if (!Number.isInteger(child)) continue;
    const stat = procStat(child);
    if (stat) stats.set(child, stat);
  }
  const tree = new Set([pid]);
  // Parents have lower pids as a rule, but not after pid wrap-around: repeat until the tree stops growing.
  for (let grown = true; grown; ) {
    grown = false;
    for (const [child, { parent }] of stats) {
      if (tree.has(parent) && !tree.has(child)) {
        tree.add(child);
        grown = true;
      }
    }
  }
  let ticks = 0;
  for (const member of tree) ticks += stats.get(member)?.ticks ?? 0;
  return ticks / TICKS_PER_SECOND;
}
