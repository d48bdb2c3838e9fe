import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { afterAll, beforeAll, describe, expect } from "vitest";
import zhCN from "@/lib/i18n/messages/zh-CN.json";
import { formatFen } from "@/lib/money/fen";
import { renderAnnualReport } from "@/lib/pdf/annual-report";
import { annualReportFigures } from "@/lib/stats/annual-report";
import { annualReportContent, type Translate } from "@/lib/stats/annual-report-content";
import { createPrismaClient, db, disconnectShared } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrator";
import { connectPostgres } from "@/lib/db/sql-executor";
import { seedDemo } from "@/lib/demo/seed";
import { programmeHistoryFile, seedProgrammeHistory } from "@/lib/demo/seed-history";
import { DEMO_CONSULTING_FOUNDING } from "@/lib/demo/seed-foundings";
import { beijingNoon } from "@/lib/calendar/beijing";
import { programmeFigures } from "@/lib/stats/queries";
import { createDatabase, dropDatabase } from "../../scripts/db/tools";
import { itOnPostgres, onPostgres } from "../support/db";
import { staffActorIn } from "./history-support";

// The programme-history demo reproduces the programme's published table exactly (domain.md,
// "Figures from the seed"), computed by the statistics' own queries from records loaded through
// the history import. It runs on a database of its own: other test files add records dated 2022.

let database: { name: string; url: string } | null = null;

beforeAll(async () => {
  if (!onPostgres) return;
  await disconnectShared();
  database = await createDatabase("ncd_it_history");
  const sql = await connectPostgres(database.url);
  await migrate(sql).finally(() => sql.close());
  // The process-wide client, pointed at this database for this file only.
  (globalThis as Record<symbol, unknown>)[Symbol.for("ncd.prisma")] = createPrismaClient({ url: database.url });
  await seedDemo(db);
}, 300_000);

afterAll(async () => {
  await disconnectShared();
  if (database) await dropDatabase(database.name);
});

describe("the programme-history demo", () => {
  itOnPostgres("shows the published table as of 2022-05-31, and the public records to end-2020", async () => {
    const loaded = await seedProgrammeHistory();
    expect(loaded).toMatchObject({ status: "IMPORTED", applications: 415, loans: 226, unions: 108, members: 1_736 });
    const center = await staffActorIn("reviewer@center.demo");
    const f = await programmeFigures(center, { asOf: beijingNoon("2022-05-31") });
    expect(f.applications).toBe(418);
    expect(f.enterprisesFunded).toBe(174);
    expect(f.lentFen).toBe(4_649_000_000n);
    expect(f.enterprisesSubsidised).toBe(133);
    expect(f.subsidyFen).toBe(142_000_000n);
    expect(f.unionsFounded).toBeGreaterThan(100);
    expect(f.newMembers).toBeGreaterThan(1_700);
    // 108 from the history, and the consulting company's union (the demo seed's).
    expect([f.unionsFounded, f.newMembers]).toEqual([109, 1_736 + DEMO_CONSULTING_FOUNDING.memberCount]);
    // The year rows add up to the table.
    expect(f.years.reduce((s, y) => s + y.applications, 0)).toBe(418);
    expect(f.years.reduce((s, y) => s + y.lentFen, 0n)).toBe(4_649_000_000n);
    expect(f.years.reduce((s, y) => s + y.subsidyFen, 0n)).toBe(142_000_000n);

    // The information-consulting company: three yearly loans, ¥1,400,000, subsidy ¥35,146.94.
    const consulting = await db.enterprise.findFirstOrThrow({
      where: { name: { contains: "信息咨询" } },
      select: { loans: { where: { disbursedOn: { lte: new Date("2022-05-31T00:00:00Z") } }, select: { disbursedOn: true, disbursedFen: true, statementLines: { where: { current: true, batch: { status: { in: ["PAID", "RECONCILED"] } } }, select: { subsidyFen: true } } } } },
    });
    expect(consulting.loans.map((l) => l.disbursedOn!.getUTCFullYear()).sort()).toEqual([2019, 2020, 2021]);
    expect(consulting.loans.reduce((s, l) => s + l.disbursedFen!, 0n)).toBe(140_000_000n);
    expect(consulting.loans.flatMap((l) => l.statementLines).reduce((s, x) => s + x.subsidyFen, 0n)).toBe(3_514_694n);

    // Public records to end-2020: 349 applications (53 renewals), 127 firms (33 renewing), ¥31.66M, 64 firms subsidised, about ¥650k.
    const e = await programmeFigures(center, { asOf: beijingNoon("2020-12-31") });
    expect([e.applications, e.renewals, e.enterprisesFunded, e.renewingEnterprises, e.lentFen, e.enterprisesSubsidised])
      .toEqual([349, 53, 127, 33, 3_166_000_000n, 64]);
    expect(Number(e.subsidyFen) / 100).toBeGreaterThan(640_000);
    expect(Number(e.subsidyFen) / 100).toBeLessThan(660_000);

    // The annual report of the programme up to 2022-05-31 prints the published table; 2021's own column is the year row.
    const translate = createTranslator({ locale: "zh-CN", messages: zhCN }) as unknown as Translate;
    const report = await annualReportFigures(center, { from: "2017-05-01", to: "2022-05-31" }, { channel: "all", org: null });
    if (!report.ok) throw new Error(report.code);
    const text = pdfText(await renderAnnualReport(annualReportContent(report.figures, { t: translate, locale: "zh-CN", generatedAt: new Date(), year: null })));
    const line = (...cells: string[]) => new RegExp(cells.map((c) => c.replace(/[.$]/g, "\\$&")).join("\\s+"));
    expect(text).toMatch(line("收到贷款申请（份）", "418", "418"));
    expect(text).toMatch(line("放款企业（家）", "174", "174"));
    expect(text).toMatch(line("放款金额", "¥46,490,000.00", "¥46,490,000.00"));
    expect(text).toMatch(line("贴息企业（家）", "133", "133"));
    expect(text).toMatch(line("贴息金额", "¥1,420,000.00", "¥1,420,000.00"));
    expect(text).toMatch(line("新建工会（家）", "109", "109"));
    expect(text.replace(/\s+/g, "")).toContain("累计为174家企业发放贷款¥46,490,000.00（人民币肆仟陆佰肆拾玖万元整）");
    const y2021 = f.years.find((y) => y.year === 2021)!;
    const year = await annualReportFigures(center, { from: "2021-01-01", to: "2021-12-31" }, { channel: "all", org: null });
    if (!year.ok) throw new Error(year.code);
    const yearText = pdfText(await renderAnnualReport(annualReportContent(year.figures, { t: translate, locale: "zh-CN", generatedAt: new Date(), year: 2021 })));
    expect(yearText).toContain("2021年度项目运行报告");
    expect(yearText).toMatch(line("收到贷款申请（份）", y2021.applications.toLocaleString("en-US")));
    expect(yearText).toMatch(line("放款金额", formatFen(y2021.lentFen)));
    expect(yearText).toMatch(line("贴息金额", formatFen(y2021.subsidyFen)));

    // Loading it again adds nothing.
    expect(await seedProgrammeHistory()).toEqual({ status: "ALREADY_IMPORTED" });
    const again = await programmeFigures(center, { asOf: beijingNoon("2022-05-31") });
    expect(again).toEqual(f);
    expect(programmeHistoryFile().length).toBeLessThan(200_000);
  }, 300_000);
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), "ncd-pdf-"));
  const file = path.join(dir, "report.pdf");
  writeFileSync(file, pdf);
  if (process.env.REPORT_PDF_OUT) writeFileSync(`${process.env.REPORT_PDF_OUT}-history-${Date.now()}.pdf`, pdf);
  return execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
}
