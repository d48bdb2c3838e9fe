import { describe, expect, it, vi } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { isDatabaseUnavailable, markUnavailable } from "@/lib/db/unavailable";
import { AppError, UNAVAILABLE_DIGEST } from "@/lib/errors";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import en from "@/lib/i18n/messages/en.json";
import { db, itOnPostgres, secondClient, uniqueSuffix } from "../support/db";

// The route wrapper reads the session through Auth.js, which needs Next's server: not here.
vi.mock("@/lib/auth/actor", () => ({ currentActor: async () => null }));
const { errorResponse, translatorFor } = await import("@/lib/http/route");

// A database that cannot be reached, or drops the connection mid-request, has done nothing: the
// reader is told to try again (503), never a generic failure, and no half-done change remains.

const describeError = (error: unknown): string => {
  const e = error as { code?: unknown; meta?: unknown; message?: unknown; cause?: unknown };
  return JSON.stringify({ name: (error as Error)?.constructor?.name, code: e?.code, meta: e?.meta, message: String(e?.message).slice(-300), cause: String(e?.cause) });
};

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error("did not fail"); }, (e: unknown) => e);

describe("the database unavailable", () => {
  it("a server that does not answer is told apart from every other failure", async () => {
    const { prisma } = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/nowhere" });
    try {
      expect(isDatabaseUnavailable(await failure(prisma.user.count()))).toBe(true);
    } finally {
      await prisma.$disconnect().catch(() => undefined);
    }
    // Failures that are the request's own stay what they are.
    const email = `dup-${uniqueSuffix()}@union.example`;
    await db.user.create({ data: { email, displayName: "重复", passwordHash: "x" } });
    expect(isDatabaseUnavailable(await failure(db.user.create({ data: { email, displayName: "重复", passwordHash: "x" } })))).toBe(false);
    expect(isDatabaseUnavailable(new AppError("CONFLICT"))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    // node-postgres reports a connection that broke under a query in words only.
    expect(isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable"))).toBe(true);
  });

  itOnPostgres("a connection dropped mid-transaction (a restart) is 'try again', and the transaction left nothing behind", async () => {
    const killer = secondClient();
    const email = `cut-${uniqueSuffix()}@union.example`;
    try {
      const error = await failure(
        db.$transaction(async (tx) => {
          await tx.user.create({ data: { email, displayName: "中断", passwordHash: "x" } });
          const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          await killer.$executeRaw`SELECT pg_terminate_backend(${backend!.pid}::int)`;
          await tx.user.count();
        }),
      );
      expect(isDatabaseUnavailable(error), describeError(error)).toBe(true);
      // The pool replaces the dropped connection: the next request works, and finds nothing half-done.
      expect(await db.user.count({ where: { email } })).toBe(0);
    } finally {
      await killer.$disconnect();
    }
  });

  it("a route handler answers 503 with the 'try again' words in the reader's language", async () => {
    const { prisma } = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/nowhere" });
    const error = await failure(prisma.user.count());
    await prisma.$disconnect().catch(() => undefined);
    const zh = errorResponse(error, translatorFor("zh-CN"), "json");
    expect(zh.status).toBe(503);
    expect(await zh.json()).toEqual({ ok: false, code: "UNAVAILABLE", message: zhCN.errors.UNAVAILABLE });
    const english = errorResponse(error, translatorFor("en"), "text");
    expect(english.status).toBe(503);
    expect(await english.text()).toBe(en.errors.UNAVAILABLE);
  });

  it("a page's read that cannot reach the database carries the digest its error boundary shows 'try again' for", async () => {
    const { prisma } = createPrismaClient({ url: "postgresql://postgres@127.0.0.1:1/nowhere" });
    const error = await failure(prisma.user.count());
    await prisma.$disconnect().catch(() => undefined);
    expect((markUnavailable(error) as { digest?: string }).digest).toBe(UNAVAILABLE_DIGEST);
    expect((new AppError("UNAVAILABLE") as AppError & { digest?: string }).digest).toBe(UNAVAILABLE_DIGEST);
    // Every other failure keeps Next's own digest (none here), so the boundary shows the generic words.
    expect((markUnavailable(new TypeError("x is undefined")) as { digest?: string }).digest).toBeUndefined();
    expect((new AppError("CONFLICT") as AppError & { digest?: string }).digest).toBeUndefined();
    // The shared client marks the statements it sends (lib/db/client.ts); a normal read is untouched.
    expect(await db.user.count({ where: { email: "nobody@nowhere.example" } })).toBe(0);
  });
});
