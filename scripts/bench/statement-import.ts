// npx tsx --conditions=react-server scripts/bench/statement-import.ts [lines] [loans]
// One bank's quarterly interest statement of 100,000 lines (default), imported through the real
// service: parse (exceljs CSV) + check against the bank's loans and stored lines + subsidy per
// line + store in one transaction (chunked inserts). Builds a scratch PostgreSQL database on
// 127.0.0.1:5432, prints the figures, and drops the database. Goal: within 10 s.
import { performance } from "node:perf_hooks";
import { accruedInterestFen } from "@/lib/loans/interest";
import { addMonthsClamped, daysBetween, epochDay, isoFromEpochDay } from "@/lib/loans/schedule";
import { fenToYuanString } from "@/lib/money/fen";
import { withDemoDatabase } from "./database/portal-database";

const LINES = Number(process.argv[2] ?? 100_000);
const LOANS = Number(process.argv[3] ?? 2_000);
const PERIODS = Math.ceil(LINES / LOANS);
const GOAL_MS = 10_000;
const DISBURSED = "2019-01-05";

await withDemoDatabase("ncd_bench_statement", { seed: false }, async ({ db, sql: connect }) => {
  const sql = await connect();
  // Reference rows straight in SQL: one bank and its officer, enterprises with union standing,
  // and LOANS disbursed loans, long enough for PERIODS monthly interest periods each.
  const [{ id: bankId }] = (await sql.query<{ id: string }>(
    `INSERT INTO "Organisation" (id, code, type, "nameZh", "nameEn") VALUES (gen_random_uuid(), 'BENCH', 'BANK', '基准测试银行', 'Bench bank') RETURNING id`)) as [{ id: string }];
  const [{ id: officerId }] = (await sql.query<{ id: string }>(
    `INSERT INTO "User" (id, email, "passwordHash", "displayName") VALUES (gen_random_uuid(), 'bench@bank.test', 'x', '基准') RETURNING id`)) as [{ id: string }];
  await sql.query(`INSERT INTO "Membership" (id, "userId", "organisationId", role) VALUES (gen_random_uuid(), $1, $2, 'BANK_OFFICER')`, [officerId, bankId]);
  const [{ id: applicantId }] = (await sql.query<{ id: string }>(
    `INSERT INTO "User" (id, "passwordHash", "displayName") VALUES (gen_random_uuid(), 'x', '申请人') RETURNING id`)) as [{ id: string }];
  await sql.query(
    `INSERT INTO "Enterprise" (id, "representativeId", name, "creditCode", "legalRepName", address, industry, "foundedOn", employees, "annualRevenueFen", "hasUnion", "updatedAt")
     SELECT gen_random_uuid(), $1, '企业' || g, 'BENCH' || lpad(g::text, 13, '0'), '法人', '北京', '服务', '2015-01-01', 10, 100000000, true, now()
     FROM generate_series(1, $2::int) AS g`, [applicantId, LOANS]);
  await sql.query(`INSERT INTO "UnionStanding" (id, "enterpriseId", "validFrom", evidence) SELECT gen_random_uuid(), id, '2018-01-01', '会员证' FROM "Enterprise"`);
  await sql.query(
    `INSERT INTO "LoanApplication" (id, number, status, "applicantId", "enterpriseId", "bankOrgId", "amountFen", "termMonths", "updatedAt")
     SELECT gen_random_uuid(), 'BENCH-' || substr("creditCode", 6), 'ACTIVE', $1, id, $2, 50000000, $3, now() FROM "Enterprise"`,
    [applicantId, bankId, PERIODS + 1]);
  await sql.query(
    `INSERT INTO "Loan" (id, "applicationId", "enterpriseId", "bankOrgId", "contractNo", "principalFen", "annualRateMicros", "lprReference", "termMonths", "repaymentMethod", status, "disbursedOn", "disbursedFen", "maturityOn")
     SELECT gen_random_uuid(), a.id, a."enterpriseId", a."bankOrgId", 'HT-' || substr(a.number, 7), 50000000, 38500, 'LPR', $1, 'INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY', 'ACTIVE', $2::date, 50000000, $3::date
     FROM "LoanApplication" a`,
    [PERIODS + 1, DISBURSED, addMonthsClamped(DISBURSED, PERIODS + 1)]);
  const contracts = (await sql.query<{ contractNo: string }>(`SELECT "contractNo" FROM "Loan" ORDER BY "contractNo"`)).map((r) => r.contractNo);

  // The statement: PERIODS monthly lines per loan; 1 in 50 overdue (nothing paid), 1 in 40 with penalty interest.
  const t0 = performance.now();
  const rows = ["合同编号,计息起日,计息止日,本金余额,年利率,应付利息,实付利息,付息日期,逾期,罚息,展期"];
  const periods = Array.from({ length: PERIODS }, (_, k) => {
    const start = addMonthsClamped(DISBURSED, k);
    const end = isoFromEpochDay(epochDay(addMonthsClamped(DISBURSED, k + 1)) - 1);
    const due = fenToYuanString(accruedInterestFen({ principalFen: 50_000_000n, annualRateMicros: 38_500, days: daysBetween(start, end) + 1 }));
    return { start, end, paidOn: addMonthsClamped(DISBURSED, k + 1), due };
  });
  let n = 0;
  for (const contract of contracts) {
    for (const p of periods) {
      if (n++ >= LINES) break;
      const overdue = n % 50 === 0;
      rows.push([contract, p.start, p.end, "500000.00", "3.85%", p.due, overdue ? "0" : p.due, overdue ? "" : p.paidOn, overdue ? "是" : "否", n % 40 === 0 ? "12.50" : "0", "否"].join(","));
    }
  }
  const bytes = new TextEncoder().encode(rows.join("\r\n"));
  console.error(`generated ${(rows.length - 1).toLocaleString()} lines (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB) for ${contracts.length.toLocaleString()} loans in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const { importStatement } = await import("@/lib/subsidies/services/import-statement");
  const { demoStaffActor } = await import("@/lib/demo/actors");
  const officer = await demoStaffActor(db, "bench@bank.test");
  await db.$queryRaw`SELECT 1`; // open the pool outside the timing

  const timings: Record<string, number> = {};
  const start = performance.now();
  const outcome = await importStatement(officer, { fileName: "bench.csv", bytes, timings });
  const elapsed = performance.now() - start;
  if (outcome.status !== "IMPORTED") throw new Error(`import failed: ${JSON.stringify(outcome, (_k, v) => (typeof v === "bigint" ? v.toString() : v)).slice(0, 2000)}`);

  const [{ count, sum }] = (await sql.query<{ count: string; sum: string }>(`SELECT count(*)::text AS count, coalesce(sum("subsidyFen"), 0)::text AS sum FROM "StatementLine"`)) as [{ count: string; sum: string }];
  const [{ total }] = (await sql.query<{ total: string }>(`SELECT coalesce(sum("totalFen"), 0)::text AS total FROM "SubsidyBatch"`)) as [{ total: string }];
  const again = performance.now();
  const repeat = await importStatement(officer, { fileName: "bench.csv", bytes });
  const repeatMs = performance.now() - again;

  console.log(`\nstatement import: ${LINES.toLocaleString()} lines, ${contracts.length.toLocaleString()} loans, ${outcome.quarters.length} quarterly batches`);
  for (const [phase, ms] of Object.entries(timings)) console.log(`  ${phase.padEnd(10)} ${(ms / 1000).toFixed(2).padStart(6)} s`);
  console.log(`  ${"total".padEnd(10)} ${(elapsed / 1000).toFixed(2).padStart(6)} s   (goal ≤ ${GOAL_MS / 1000} s: ${elapsed <= GOAL_MS ? "met" : "NOT met"})`);
  console.log(`  stored ${Number(count).toLocaleString()} lines; subsidy ${fenToYuanString(BigInt(sum))} yuan = batch totals ${fenToYuanString(BigInt(total))} yuan: ${sum === total ? "equal" : "DIFFERENT"}`);
  console.log(`  same file again: ${repeat.status} in ${repeatMs.toFixed(0)} ms`);
  if (sum !== total || Number(count) !== LINES) process.exitCode = 1;
});
