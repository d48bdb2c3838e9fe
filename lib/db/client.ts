import { PrismaPg } from "@prisma/adapter-pg";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { mkdirSync } from "node:fs";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";

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
  g[globalKey] ??= createPrismaClient({ url: env.DATABASE_URL });
  return g[globalKey];
}

/** The process-wide Prisma client. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const client = shared().prisma;
    const value = Reflect.get(client, prop, client);
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
