import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// Counting what a read or a service sends to PostgreSQL: a client of its own with Prisma's query
// events on, put in place of the portal's shared one (lib/db/client.ts keeps it on globalThis).

const SHARED = Symbol.for("ncd.prisma");

/** A client that appends every statement it sends to `into`. */
export function loggingClient(into: string[]): PrismaClient {
  const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
  logged.$on("query", (e) => into.push(e.query));
  return logged;
}

/** The statements that read or write data (transaction control and session settings left out). */
export const dataStatements = (statements: readonly string[]): string[] =>
  statements.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK|SET|SHOW)\b/i.test(s.trim()));

/** The data statements `run` sends through the portal's shared client. */
export async function statementsOf(run: () => Promise<unknown>): Promise<string[]> {
  const g = globalThis as Record<symbol, unknown>;
  const shared = g[SHARED];
  const statements: string[] = [];
  const logged = loggingClient(statements);
  g[SHARED] = { prisma: logged };
  try {
    await run();
  } finally {
    g[SHARED] = shared;
    await logged.$disconnect();
  }
  return dataStatements(statements);
}
