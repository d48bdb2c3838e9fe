import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { markUnavailable } from "@/lib/db/unavailable";

export type Db = PrismaClient;

/** A Prisma client on PostgreSQL when a URL is given, else on PGlite in `dir`. */
export function createPrismaClient(options: { url?: string; pgliteDir?: string }): {
  prisma: PrismaClient;
  pglite?: PGlite;
} {
  if (options.url) {
    return { prisma: new PrismaClient({ adapter: new PrismaPg({ connectionString: options.url }) }) };
  }
  const dir = options.pgliteDir ?? env.PGLITE_DIR;
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  return { prisma: new PrismaClient({ adapter: new PrismaPGlite(pglite) }), pglite };
}

// A PGlite directory may be opened by one instance only, and Next can load this module more
// than once (one copy per server bundle), so the client lives on globalThis.
const globalKey = Symbol.for("ncd.prisma");
type GlobalWithDb = typeof globalThis & { [globalKey]?: ReturnType<typeof createPrismaClient> };

function shared(): ReturnType<typeof createPrismaClient> {
  const g = globalThis as GlobalWithDb;
  g[globalKey] ??= marking(createPrismaClient({ url: env.DATABASE_URL }));
  return g[globalKey];
}

// A statement that fails because the database cannot be reached leaves with the digest a page's
// error boundary recognises (lib/db/unavailable.ts), so a page read during an outage shows
// "try again", not the generic error page. Every other failure passes through untouched.
function marking(made: ReturnType<typeof createPrismaClient>): ReturnType<typeof createPrismaClient> {
  const prisma = made.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw markUnavailable(error);
        }
      },
    },
  }) as unknown as PrismaClient;
  return { ...made, prisma };
}

/** The process-wide Prisma client. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = shared().prisma;
    const value = Reflect.get(client, prop, client);
    if (prop === "$transaction" && typeof value === "function") {
      // An interactive transaction that cannot start (no connection) fails outside any statement.
      return (...args: unknown[]) => (value.apply(client, args) as Promise<unknown>).catch((error: unknown) => { throw markUnavailable(error); });
    }
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Closes the process-wide client (tests and scripts that end before the process does). */
export async function disconnectShared(): Promise<void> {
  const g = globalThis as GlobalWithDb;
  const current = g[globalKey];
  g[globalKey] = undefined;
  await current?.prisma.$disconnect();
  await current?.pglite?.close();
}

export function sharedPglite(): PGlite | undefined {
  return shared().pglite;
}

export const usingEmbeddedDatabase = (): boolean => !env.DATABASE_URL;
