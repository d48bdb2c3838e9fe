// npm run bench:statement-cost [-- --calls 2000 --rounds 5]
// What one SQL statement costs the portal's server in CPU, by the way it is sent: through the
// portal's Prisma client (with the extension that marks an outage's errors), through a plain
// Prisma client, as a raw statement through Prisma, and through `pg` alone. Three reads: a case by
// id (three columns), a case with two relations (one statement: relationJoins), and the centre's
// first queue page. Each way is called `--calls` times in a row, the ways in turns, `--rounds`
// times; the table holds the median CPU time (user + system, process.cpuUsage) per call.
// The pages' statement counts (`npm run bench:statements`) times the difference between the first
// and the last column is what the ORM costs a page.
import { parseArgs } from "node:util";
import pg from "pg";
import { withDemoDatabase } from "./database/portal-database";
import { median } from "./report/percentiles";

const { values } = parseArgs({ options: { calls: { type: "string", default: "2000" }, rounds: { type: "string", default: "5" } } });
const calls = Number(values.calls);
const rounds = Number(values.rounds);

type Way = "portal client" | "plain client" | "raw through Prisma" | "pg";
const WAYS: readonly Way[] = ["portal client", "plain client", "raw through Prisma", "pg"];
// A read without one of the ways leaves that column empty.
type Read = { label: string; ways: Partial<Record<Way, () => Promise<unknown>>> };

async function cpuPerCall(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < calls / 10; i += 1) await fn();
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i += 1) await fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / calls;
}

await withDemoDatabase("ncd_bench_statement_cost", {}, async ({ db, url, caseId }) => {
  const { createPrismaClient } = await import("@/lib/db/client");
  const { listQueue } = await import("@/lib/reviews/queries");
  const { demoStaffActor } = await import("@/lib/demo/actors");
  const plain = createPrismaClient({ url }).prisma;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const id = await caseId();
    const reviewer = await demoStaffActor(db, "reviewer@center.demo");
    const byId = { where: { id }, select: { id: true, status: true, version: true } } as const;
    const withRelations = { where: { id }, include: { enterprise: true, decisions: true } } as const;
    const BY_ID_SQL = `SELECT id, status, version FROM "LoanApplication" WHERE id = $1`;
    // The same columns and rows as the Prisma read with its two relations, in one statement.
    const WITH_RELATIONS_SQL = `
      SELECT a.*, to_jsonb(e) AS enterprise,
             COALESCE((SELECT jsonb_agg(d) FROM "ReviewDecision" d WHERE d."applicationId" = a.id), '[]') AS decisions
      FROM "LoanApplication" a JOIN "Enterprise" e ON e.id = a."enterpriseId" WHERE a.id = $1`;
    const QUEUE_SQL = `
      SELECT a.id, a.number, a.kind, a.status, a."amountFen", a."termMonths", a."greenChannel", a.historical,
             a."updatedAt", a."stageDueAt", a."returnDueAt", e.name AS "enterpriseName"
      FROM "LoanApplication" a JOIN "Enterprise" e ON e.id = a."enterpriseId"
      WHERE a.status = 'CENTER_REVIEW' ORDER BY a."greenChannel" DESC, a."stageDueAt" ASC, a.id ASC LIMIT 51`;
    const reads: Read[] = [
      {
        label: "a case by id, three columns",
        ways: {
          "portal client": () => db.loanApplication.findUnique(byId),
          "plain client": () => plain.loanApplication.findUnique(byId),
          "raw through Prisma": () => db.$queryRawUnsafe(BY_ID_SQL, id),
          pg: () => client.query(BY_ID_SQL, [id]),
        },
      },
      {
        label: "a case with its enterprise and decisions",
        ways: {
          "portal client": () => db.loanApplication.findUnique(withRelations),
          "plain client": () => plain.loanApplication.findUnique(withRelations),
          "raw through Prisma": () => db.$queryRawUnsafe(WITH_RELATIONS_SQL, id),
          pg: () => client.query(WITH_RELATIONS_SQL, [id]),
        },
      },
      {
        label: "the centre's first queue page (listQueue; pg: its one statement)",
        ways: {
          "portal client": () => listQueue(reviewer, { status: "CENTER_REVIEW" }),
          // listQueue reads through the portal's client: no plain client's column.
          "raw through Prisma": () => db.$queryRawUnsafe(QUEUE_SQL),
          pg: () => client.query(QUEUE_SQL),
        },
      },
    ];
    const ways = WAYS;
    const samples = new Map<string, number[]>();
    for (let round = 0; round < rounds; round += 1) {
      for (const read of reads) {
        // A rotated order per round, so no way always runs first or last.
        for (const [i] of ways.entries()) {
          const way = ways[(i + round) % ways.length]!;
          const call = read.ways[way];
          if (!call) continue;
          const key = `${read.label}|${way}`;
          samples.set(key, [...(samples.get(key) ?? []), await cpuPerCall(call)]);
        }
      }
      console.error(`round ${round + 1} of ${rounds}`);
    }
    const cell = (key: string) => (samples.has(key) ? median(samples.get(key)!).toFixed(3) : "—");
    console.log(`\nServer CPU per statement, ms (median of ${rounds} rounds of ${calls} calls)\n`);
    console.log(`| read | ${ways.join(" | ")} |`);
    console.log(`|---|${"---|".repeat(ways.length)}`);
    for (const read of reads) console.log(`| ${read.label} | ${ways.map((w) => cell(`${read.label}|${w}`)).join(" | ")} |`);
  } finally {
    await client.end();
    await plain.$disconnect();
  }
});
