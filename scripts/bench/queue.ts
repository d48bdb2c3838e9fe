// npm run bench:queue — the centre's queue with 1,000 and with 1,000,000 cases, side by side.
// Builds a scratch PostgreSQL database (127.0.0.1:5432), fills it with generate_series, times the
// first page and a page deep in the keyset, and prints the medians. Drops the database after.
import { performance } from "node:perf_hooks";
import { withDemoDatabase } from "./database/portal-database";

const sizes = (process.argv[2] ?? "1000,1000000").split(",").map(Number);
const RUNS = 15;

await withDemoDatabase("ncd_bench_queue", {}, async ({ db, sql: connect }) => {
  const sql = await connect();
  const { listQueue } = await import("@/lib/reviews/queries");
  const { demoStaffActor } = await import("@/lib/demo/actors");
  const { mobileLookup } = await import("@/lib/personal-data/sealed");
  const reviewer = await demoStaffActor(db, "reviewer@center.demo");
  const applicantId = (await db.user.findFirstOrThrow({ where: mobileLookup("13800000001"), select: { id: true } })).id;
  const enterpriseId = (await sql.query<{ id: string }>(`SELECT id FROM "Enterprise" LIMIT 1`))[0]!.id;

  const results: { cases: number; first: number; deep: number; pages: number }[] = [];
  let have = 0;
  for (const target of sizes) {
    const t0 = performance.now();
    // Cases in review, 5 % green channel, deadlines spread over 60 days.
    await sql.query(
      `INSERT INTO "LoanApplication" (id, number, status, "applicantId", "enterpriseId", "amountFen", "termMonths", "greenChannel", "stageDueAt", "stageEnteredAt", "updatedAt")
       SELECT gen_random_uuid(), 'B-' || g, 'CENTER_REVIEW', $1, $2, 30000000, 12, (g % 20 = 0),
              now() + ((g::bigint * 7919) % 86400) * interval '1 minute', now(), now()
       FROM generate_series($3::int, $4::int) AS g`,
      [applicantId, enterpriseId, have + 1, target],
    );
    await sql.exec(`ANALYZE "LoanApplication"`);
    have = target;
    console.error(`filled ${target.toLocaleString()} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const time = async (fn: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const s = performance.now();
        await fn();
        samples.push(performance.now() - s);
      }
      return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    };
    // Walk 20 pages deep once to find a cursor far into the queue.
    let cursor: string | null = null;
    for (let p = 0; p < 20; p += 1) cursor = (await listQueue(reviewer, { status: "CENTER_REVIEW", cursor })).nextCursor;
    const first = await time(() => listQueue(reviewer, { status: "CENTER_REVIEW" }));
    const deep = await time(() => listQueue(reviewer, { status: "CENTER_REVIEW", cursor }));
    results.push({ cases: target, first, deep, pages: 20 });
  }
  console.log("\nqueue page of 50, median of", RUNS, "runs (ms)");
  console.log("cases".padStart(12), "first page".padStart(12), "page 21".padStart(12));
  for (const r of results) console.log(r.cases.toLocaleString().padStart(12), r.first.toFixed(2).padStart(12), r.deep.toFixed(2).padStart(12));
});
