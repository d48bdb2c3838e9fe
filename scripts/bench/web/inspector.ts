// A minimal client of the V8 inspector of a served build (started with `--inspect=127.0.0.1:PORT`,
// see servedEnv): forces a full garbage collection, reads process.memoryUsage() inside the
// server, and writes heap snapshots. Node's own WebSocket; no dependency.
import { createWriteStream } from "node:fs";

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
  };
}

export type HeapReading = { heapUsedMb: number; heapUsedAfterGcMb: number; rssAfterGcMb: number };

/**
 * V8's heap in use as the server has it, then after a forced full GC, and its RSS after that GC
 * (MB); null when no inspector answers on `port`. Connects only for the reading: during the load
 * the inspector listens with no session attached.
 */
export async function heapAfterGc(port: number): Promise<HeapReading | null> {
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
    inspector.close();
  }
}
