import { afterEach, describe, expect, it } from "vitest";
import { handoff } from "@/lib/background/handoff";

// Each test uses names of its own: the starters live on globalThis for the whole process.
let n = 0;
const fresh = () => `test.handoff.${process.pid}.${(n += 1)}`;
const registered: ReturnType<typeof handoff>[] = [];
afterEach(() => registered.splice(0).forEach((h) => h.register(undefined)));

describe("handoff", () => {
  it("hands nothing over until a starter is registered, and again once it is taken back", async () => {
    const work = handoff(fresh());
    registered.push(work);
    const started: string[] = [];
    expect(await work.handOver("a")).toBe(false);
    work.register(async (id) => void started.push(id));
    expect(await work.handOver("b")).toBe(true);
    work.register(undefined);
    expect(await work.handOver("c")).toBe(false);
    expect(started).toEqual(["b"]);
  });

  it("shares the starter between copies under the same name, not across names", async () => {
    const name = fresh();
    const scheduler = handoff(name);
    const page = handoff(name);
    const other = handoff(fresh());
    registered.push(scheduler, other);
    const started: string[] = [];
    scheduler.register(async (id) => void started.push(id));
    expect(await page.handOver("key")).toBe(true);
    expect(await other.handOver("key")).toBe(false);
    expect(started).toEqual(["key"]);
  });

  it("waits for the starter and passes its failure on to the caller", async () => {
    const work = handoff(fresh());
    registered.push(work);
    let done = false;
    work.register(async () => {
      await new Promise((r) => setTimeout(r, 10));
      done = true;
    });
    await work.handOver("x");
    expect(done).toBe(true);
    work.register(async () => Promise.reject(new Error("queue down")));
    await expect(work.handOver("y")).rejects.toThrow("queue down");
  });
});
