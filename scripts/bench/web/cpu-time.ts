// The CPU time a served build spent, read from /proc: a figure that other work on a shared machine
// hardly moves, where throughput swings by half.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

const TICK_MS = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);

/** CPU ms (user + system) of a process and its descendants so far. */
export function cpuMs(pid: number): number {
  let total = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    total += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
  const children = spawnSync("pgrep", ["-P", String(pid)], { encoding: "utf8" }).stdout.split("\n").filter(Boolean).map(Number);
  return total + children.reduce((sum, child) => sum + cpuMs(child), 0);
}
