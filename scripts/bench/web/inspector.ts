// A minimal client of the V8 inspector of a served build (started with `--inspect=127.0.0.1:PORT`,
// or opened later by SIGUSR1: see servedEnv): forces a full garbage collection, reads process.memoryUsage() inside the
// server, and writes heap snapshots. Node's own WebSocket; no dependency.
import { createWriteStream } from "node:fs";
import type { ChildProcess } from "node:child_process";

export type MemoryUsage = { rss: number; heapTotal: number; heapUsed: number; external: number; arrayBuffers: number };

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

export type Inspector = {
  /** A full, compacting collection (what a heap snapshot does first). */
  collectGarbage(): Promise<void>;
  /** process.memoryUsage() of the server, in bytes. */
  memoryUsage(): Promise<MemoryUsage>;
  /** Writes a .heapsnapshot (loadable in Chrome DevTools' Memory tab) to `file`. */
  heapSnapshot(file: string): Promise<void>;
  close(): void;
  /** Closes the server's inspector itself (it stops listening until opened again). */
  closeInspector(): Promise<void>;
};

/** Connects to the first target the inspector on `port` lists (the server's main thread). */
export async function connectInspector(port: number): Promise<Inspector> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error(`no inspector on ${port}`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, (params: Record<string, unknown>) => void>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
    if (message.id !== undefined) {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
    } else if (message.method) {
      listeners.get(message.method)?.(message.params ?? {});
    }
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });

  return {
    async collectGarbage() {
      await send("HeapProfiler.collectGarbage");
    },
    async memoryUsage() {
      const result = (await send("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true })) as { result: { value: string } };
      return JSON.parse(result.result.value) as MemoryUsage;
    },
    async heapSnapshot(file) {
      const out = createWriteStream(file);
      listeners.set("HeapProfiler.addHeapSnapshotChunk", (params) => out.write(params.chunk as string));
      try {
        await send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
      } finally {
        listeners.delete("HeapProfiler.addHeapSnapshotChunk");
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      }
    },
    close() {
      socket.close();
    },
    async closeInspector() {
      // Deferred, so the answer leaves before the inspector (and this session) goes.
      await send("Runtime.evaluate", { expression: 'void setTimeout(() => process.getBuiltinModule("node:inspector").close(), 50)' });
    },
  };
}

/**
 * Opens the inspector of a server started with `inspectOnSignal` (SIGUSR1) and waits until it
 * listens on `port`; `heapAfterGc(port, { close: true })` closes it again.
 */
export async function openInspector(server: ChildProcess, port: number): Promise<void> {
  server.kill("SIGUSR1");
  for (let tries = 0; tries < 50; tries += 1) {
    if (await fetch(`http://127.0.0.1:${port}/json/list`).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export type HeapReading = { heapUsedMb: number; heapUsedAfterGcMb: number; rssAfterGcMb: number };

/**
 * V8's heap in use as the server has it, then after a forced full GC, and its RSS after that GC
 * (MB); null when no inspector answers on `port`. `close`: the server's inspector closes afterwards.
 */
export async function heapAfterGc(port: number, { close = false } = {}): Promise<HeapReading | null> {
  let inspector: Inspector;
  try {
    inspector = await connectInspector(port);
  } catch {
    return null;
  }
  try {
    const mb = (bytes: number) => Math.round(bytes / (1024 * 1024));
    const before = await inspector.memoryUsage();
    await inspector.collectGarbage();
    const after = await inspector.memoryUsage();
    return { heapUsedMb: mb(before.heapUsed), heapUsedAfterGcMb: mb(after.heapUsed), rssAfterGcMb: mb(after.rss) };
  } finally {
    if (close) await inspector.closeInspector();
    inspector.close();
  }
}
