// npm run bench:export [-- 1000,1000000] — the centre's loan-list export and its statistics at
// 1,000 and at 1,000,000 loans, side by side. Builds a scratch PostgreSQL database
// (127.0.0.1:5432), fills it with generate_series, then for each size prints, in one table:
//   - the baseline: the same rows read straight from PostgreSQL in keyset pages and written as CSV
//     (no Prisma, no app code): what the database and Node give at best;
//   - the portal's CSV export (lib/loans/portfolio-export.ts), streamed and drained;
//   - the portal's XLSX export, streamed and drained;
//   - the statistics page's figures: the published table (programmeFigures) and the year's
//     "how the programme works" figures (insightFigures);
// each with its wall time, rows per second, bytes and the process's peak RSS while it ran.
// Drops the database after.
import { performance } from "node:perf_hooks";
import { openDemoDatabase } from "./database/portal-database";

const sizes = (process.argv[2] ?? "1000,1000000").split(",").map(Number);
const PAGE = 1_000;

const database = await openDemoDatabase("ncd_bench_export", {
  env: { EXPORT_MAX_ROWS: String(Math.max(...sizes) + 1_000) },
  // A query that cannot finish at this size shows as a failure in the table, not a run that never ends.
  settings: { statement_timeout: "180s" },
});

type Result = { loans: number; what: string; seconds: number; rows: number; bytes: number; peakMb: number };

/** Runs `fn`, sampling the RSS every 20 ms (a failure, such as the statement timeout, reads as NaN seconds); the peak is the process's, relative to nothing (Node's own baseline included). */
async function measure(fn: () => Promise<{ rows: number; bytes: number }>): Promise<{ seconds: number; rows: number; bytes: number; peakMb: number }> {
  global.gc?.();
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 20);
  const t0 = performance.now();
  try {
    const { rows, bytes } = await fn();
    return { seconds: (performance.now() - t0) / 1000, rows, bytes, peakMb: Math.max(peak, process.memoryUsage.rss()) / 1024 / 1024 };
  } catch (error) {
    console.error(`failed after ${((performance.now() - t0) / 1000).toFixed(0)} s: ${error instanceof Error ? error.message.split("\n").at(-1) : String(error)}`);
    return { seconds: Number.NaN, rows: 0, bytes: 0, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

/** Reads a web stream to the end, counting bytes and lines, keeping nothing. */
async function drain(stream: ReadableStream<Uint8Array>): Promise<{ rows: number; bytes: number }> {
  let bytes = 0;
  let rows = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (const b of value) if (b === 10) rows += 1;
  }
  return { rows, bytes };
}

try {
  const { db } = database;
  const sql = await database.sql();
  // The fills and the baseline's reads on this connection run without the timeout.
  await sql.exec("SET statement_timeout = 0");
  const { demoStaffActor } = await import("@/lib/demo/actors");
  const { portfolioCsvStream, portfolioXlsx } = await import("@/lib/loans/portfolio-export");
  const { programmeFigures } = await import("@/lib/stats/queries");
  const { insightFigures } = await import("@/lib/stats/insight");
  const centre = await demoStaffActor(db, "reviewer@center.demo");
  const [{ applicantId, enterpriseId, bankId }] = (await sql.query<{ applicantId: string; enterpriseId: string; bankId: string }>(
    `SELECT a."applicantId", a."enterpriseId", a."bankOrgId" AS "bankId" FROM "LoanApplication" a WHERE a."bankOrgId" IS NOT NULL LIMIT 1`,
  )) as [{ applicantId: string; enterpriseId: string; bankId: string }];
  const words = { header: (c: string) => c, status: (s: string) => s };
  const HEAD = ["loans", "what", "seconds", "rows/s", "rows", "MB out", "peak RSS MB"].map((h, i) => (i === 1 ? `  ${h}`.padEnd(32) : h.padStart(12))).join("");
  const line = (r: Result) => [
    r.loans.toLocaleString().padStart(12), `  ${r.what}`.padEnd(32), r.seconds.toFixed(2).padStart(12),
    (r.bytes ? Math.round(r.rows / r.seconds).toLocaleString() : "—").padStart(12), r.rows.toLocaleString().padStart(12),
    (r.bytes / 1024 / 1024).toFixed(1).padStart(12), r.peakMb.toFixed(0).padStart(12),
  ].join("");
  console.error(HEAD);
  // Each figure goes to stderr as soon as it is measured; the table on stdout at the end.
  const results: Result[] = [];
  const record = (r: Result) => { results.push(r); console.error(line(r)); };
  let have = 0;

  for (const target of sizes) {
    const t0 = performance.now();
    // Loans disbursed over 2021–2025, matured a year later: 1 in 20 overdue, 1 in 10 settled.
    for (let from = have + 1; from <= target; from += 100_000) {
      const to = Math.min(target, from + 99_999);
      await sql.query(
        `WITH apps AS (
           INSERT INTO "LoanApplication" (id, number, status, "applicantId", "enterpriseId", "bankOrgId", "amountFen", "termMonths", "submittedAt", "updatedAt")
           SELECT gen_random_uuid(), 'BX-' || g, 'ACTIVE', $1, $2, $3, 30000000, 12, timestamp '2021-01-01' + (g % 1800) * interval '1 day', now()
           FROM generate_series($4::int, $5::int) AS g RETURNING id, number)
         INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "disbursedFen", "annualRateMicros", "lprReference",
           "termMonths", "repaymentMethod", status, "disbursedOn", "maturityOn", "closedOn")
         SELECT gen_random_uuid(), a.id, $2, $3, 'HT-' || a.number, 30000000, 30000000, 34500, 'LPR', 12, 'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY',
           CASE WHEN n % 20 = 0 THEN 'OVERDUE' WHEN n % 10 = 0 THEN 'SETTLED' ELSE 'ACTIVE' END::"LoanStatus",
           date '2021-01-05' + (n % 1800), date '2022-01-05' + (n % 1800), CASE WHEN n % 20 <> 0 AND n % 10 = 0 THEN date '2022-01-05' + (n % 1800) END
         FROM (SELECT id, number, substr(number, 4)::int AS n FROM apps) a`,
        [applicantId, enterpriseId, bankId, from, to],
      );
    }
    await sql.exec(`ANALYZE "LoanApplication"; ANALYZE "Loan"`);
    have = target;
    console.error(`filled ${target.toLocaleString()} loans in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const loans = await db.loan.count();

    record({ loans, what: "baseline: keyset SQL → CSV", ...await measure(async () => {
      let rows = 0;
      let bytes = 0;
      let after: { maturityOn: string; id: string } | null = null;
      for (;;) {
        const page: { id: string; contractNo: string; status: string; principalFen: string; maturityOn: string; disbursedOn: string }[] = await sql.query(
          `SELECT id, "contractNo", status::text, "principalFen"::text, "maturityOn"::text, "disbursedOn"::text FROM "Loan"
           WHERE "disbursedOn" IS NOT NULL AND "maturityOn" IS NOT NULL
             ${after ? `AND "maturityOn" >= $1::date AND ("maturityOn" > $1::date OR ("maturityOn" = $1::date AND id > $2::uuid))` : ""}
           ORDER BY "maturityOn", id LIMIT ${PAGE}`,
          after ? [after.maturityOn, after.id] : [],
        );
        for (const r of page) bytes += Buffer.byteLength(`${r.contractNo},${r.status},${r.principalFen},${r.disbursedOn},${r.maturityOn}\r\n`);
        rows += page.length;
        if (page.length < PAGE) break;
        after = { maturityOn: page.at(-1)!.maturityOn, id: page.at(-1)!.id };
      }
      return { rows, bytes };
    }) });
    record({ loans, what: "portal CSV export", ...await measure(async () => {
      const { rows, bytes } = await drain(portfolioCsvStream(centre, { filter: "all" }, words));
      return { rows: rows - 1, bytes };
    }) });
    record({ loans, what: "portal XLSX export", ...await measure(async () => {
      const { bytes } = await drain(portfolioXlsx(centre, { filter: "all" }, { ...words, sheet: "loans", about: { title: "about", rows: [] } }));
      return { rows: loans, bytes };
    }) });
    record({ loans, what: "statistics: published table", ...await measure(async () => {
      const f = await programmeFigures(centre, { asOf: new Date() });
      return { rows: f.loans, bytes: 0 };
    }) });
    record({ loans, what: "statistics: a year's insight", ...await measure(async () => {
      const r = await insightFigures(centre, { from: "2024-01-01", to: "2024-12-31" }, { channel: "all", org: null });
      if (!r.ok) throw new Error(r.code);
      return { rows: Object.values(r.figures.portfolio.loansByState).reduce((n, s) => n + s.loans, 0), bytes: 0 };
    }) });
  }

  console.log("\nloan-list export and statistics (one run each; peak RSS of the whole process)");
  console.log(HEAD);
  for (const r of results) console.log(line(r));
} finally {
  await database.close();
}
