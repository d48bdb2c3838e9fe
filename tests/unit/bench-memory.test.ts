import { spawn, type ChildProcess } from "node:child_process";
import { describe, expect, it } from "vitest";
import { memoryTable, type MemoryRow } from "@/scripts/bench/report/table";
import { heapAfterGc } from "@/scripts/bench/web/inspector";

const row = (over: Partial<MemoryRow> = {}): MemoryRow => ({
  cases: 1000, idleMb: 258, peakMb: 835, afterMb: 459, heapUsedMb: 190, heapUsedAfterGcMb: 105, rssAfterGcMb: 404, ...over,
});

const cells = (table: string, line: number) => table.split("\n")[line]!.split("|").slice(1, -1).map((c) => c.trim());

describe("the benchmark's memory table", () => {
  it("prints V8's heap after a forced GC next to the RSS, column under column", () => {
    const table = memoryTable([row(), row({ cases: 1_000_000, afterMb: 924, heapUsedMb: 231, heapUsedAfterGcMb: 112, rssAfterGcMb: 610 })]);
    const head = cells(table, 0);
    expect(head).toEqual([
      "cases", "RSS before load MB", "peak during load MB", "after load (5 s idle) MB",
      "heap used after load MB", "heap used after a full GC MB", "RSS after that GC MB",
    ]);
    const last = cells(table, 3);
    expect(last).toHaveLength(head.length);
    expect(Object.fromEntries(head.map((h, i) => [h, last[i]]))).toMatchObject({
      cases: "1,000,000", "after load (5 s idle) MB": "924", "heap used after load MB": "231", "heap used after a full GC MB": "112", "RSS after that GC MB": "610",
    });
  });

  it("shows a dash, not a zero, when the server's inspector did not answer", () => {
    const table = memoryTable([row({ heapUsedMb: null, heapUsedAfterGcMb: null, rssAfterGcMb: null })]);
    expect(cells(table, 2).slice(4)).toEqual(["—", "—", "—"]);
  });
});

describe("the benchmark's reading of a server's heap", () => {
  /** A Node process with its inspector on a free port, once it holds `keepMb` of live objects. */
  async function inspected(keepMb: number): Promise<{ port: number; child: ChildProcess }> {
    const child = spawn(process.execPath, ["--inspect=127.0.0.1:0", "-e", `globalThis.kept = Array.from({ length: ${keepMb * 1024} }, () => new Array(128).fill(1.5)); console.log("ready"); setInterval(() => {}, 1000);`], { stdio: ["ignore", "pipe", "pipe"] });
    // The inspector could otherwise read the heap while the objects are still being made.
    const ready = new Promise((resolve) => child.stdout!.once("data", resolve));
    let said = "";
    const port = await new Promise<number>((resolve, reject) => {
      child.stderr!.on("data", (d) => {
        said += d;
        const listening = /ws:\/\/127\.0\.0\.1:(\d+)\//.exec(said);
        if (listening) resolve(Number(listening[1]));
      });
      child.on("exit", () => reject(new Error(said)));
    });
    await ready;
    return { port, child };
  }

  it("reads the heap V8 keeps after a full GC inside the inspected process, not this one", async () => {
    const { port, child } = await inspected(64);
    try {
      const reading = await heapAfterGc(port);
      expect(reading).not.toBeNull();
      // 64 × 1024 arrays of 128 doubles: about 64 MB that no GC can free.
      expect(reading!.heapUsedAfterGcMb).toBeGreaterThanOrEqual(60);
      expect(reading!.heapUsedMb).toBeGreaterThanOrEqual(60);
      expect(reading!.rssAfterGcMb).toBeGreaterThan(reading!.heapUsedAfterGcMb);
    } finally {
      child.kill();
    }
  });

  it("answers null when no inspector listens", async () => {
    const { port, child } = await inspected(0);
    child.kill();
    await new Promise((r) => child.once("exit", r));
    expect(await heapAfterGc(port)).toBeNull();
  });
});
