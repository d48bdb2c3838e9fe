import ExcelJS from "exceljs";
import type { StaffActor } from "@/lib/auth/roles";
import { describe, expect, it } from "vitest";
import { listQueue } from "@/lib/reviews/queries";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createEnterprise, staffActor } from "../support/factories";
import { makeCreditCode } from "../support/ids";

describe("the centre's queue", () => {
  it("pages through every case exactly once in order: green first, nearest deadline, none last", async () => {
    const reviewer = await staffActor("reviewer@center.demo");
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const tag = `Q-${uniqueSuffix()}`;
    const base = Date.now() + 86_400_000;
    // 37 cases: a mix of green channel, equal deadlines (ties broken by id) and no deadline.
    await db.loanApplication.createMany({
      data: Array.from({ length: 37 }, (_, i) => ({
        number: `${tag}-${i}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "EXPIRED" as const,
        greenChannel: i % 5 === 0, stageDueAt: i % 7 === 0 ? null : new Date(base + (i % 4) * 3_600_000),
      })),
    });
    const seen: { id: string; greenChannel: boolean; stageDueAt: Date | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listQueue>> = await listQueue(reviewer, { status: "EXPIRED", cursor, pageSize: 4, filters: { q: enterprise.name } });
      seen.push(...page.rows.filter((r) => r.number.startsWith(tag)));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(37);
    expect(new Set(seen.map((r) => r.id)).size).toBe(37);
    const key = (r: (typeof seen)[number]) => [r.greenChannel ? 0 : 1, r.stageDueAt ? 0 : 1, r.stageDueAt?.getTime() ?? 0, r.id] as const;
    const sorted = [...seen].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    });
    expect(seen.map((r) => r.id)).toEqual(sorted.map((r) => r.id));
  });

  it("filters by search, green channel and overdue", async () => {
    const reviewer = await staffActor("reviewer@center.demo");
    const applicant = await createApplicant();
    const enterprise = await createEnterprise(applicant);
    const tag = `F-${uniqueSuffix()}`;
    await db.loanApplication.createMany({
      data: [
        { number: `${tag}-late`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "CENTER_REVIEW", stageDueAt: new Date(Date.now() - 1000) },
        { number: `${tag}-green`, applicantId: applicant.userId, enterpriseId: enterprise.id, status: "CENTER_REVIEW", greenChannel: true, stageDueAt: new Date(Date.now() + 86_400_000) },
      ],
    });
    const numbers = async (filters: Parameters<typeof listQueue>[1]) =>
      (await listQueue(reviewer, { status: "CENTER_REVIEW", pageSize: 500, ...filters })).rows.map((r) => r.number).filter((n) => n.startsWith(tag)).sort();
    expect(await numbers({ filters: { q: enterprise.name.slice(-8) } })).toEqual([`${tag}-green`, `${tag}-late`]);
    expect(await numbers({ filters: { q: enterprise.creditCode.toLowerCase() } })).toEqual([`${tag}-green`, `${tag}-late`]);
    expect(await numbers({ filters: { green: true } })).toEqual([`${tag}-green`]);
    expect(await numbers({ filters: { overdue: true } })).toEqual([`${tag}-late`]);
    expect(await numbers({ filters: { q: `${tag}-late` } })).toEqual([`${tag}-late`]);
  });
});

describe("queue export", () => {
  it("exports the tab the actor may see, keyset page by page, safe for spreadsheets", async () => {
    const { queueCsvStream, queueExportTooLarge, queueXlsx } = await import("@/lib/reviews/export");
    const exportQueueCsv = (actor: StaffActor, status: "CENTER_REVIEW" | "GUARANTOR_REVIEW", filters: { q: string }, w: typeof words) =>
      new Response(queueCsvStream(actor, { status, filters }, w)).text();
    const { programmeTranslator } = await import("@/lib/i18n/translator");
    const [t, status] = [programmeTranslator("queueCsv"), programmeTranslator("status")];
    const words = { header: (c: string) => t(`columns.${c}` as "columns.number"), status: (s: string) => status(s as "DRAFT"),
      kind: (k: string) => t(`kind.${k}` as "kind.NEW"), yes: t("yes"), no: t("no") };
    const reviewer = await staffActor("reviewer@center.demo");
    const applicant = await createApplicant();
    const enterprise = await db.enterprise.create({
      data: { representativeId: applicant.userId, name: `=HYPERLINK("x")${uniqueSuffix()}`, creditCode: makeCreditCode(),
        legalRepName: "x", address: "北京市", industry: "x", foundedOn: new Date("2020-01-01T00:00:00Z"), employees: 1, annualRevenueFen: 1n, hasUnion: false },
    });
    await db.loanApplication.createMany({
      data: Array.from({ length: 3 }, (_, i) => ({ number: `X-${uniqueSuffix()}-${i}`, applicantId: applicant.userId, enterpriseId: enterprise.id,
        status: "CENTER_REVIEW" as const, amountFen: 12_345_678n, termMonths: 12, stageDueAt: new Date(Date.now() + 86_400_000) })),
    });
    const csv = await exportQueueCsv(reviewer, "CENTER_REVIEW", { q: enterprise.name }, words);
    const rows = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(rows[0]).toBe("申请编号,类型,企业,申请金额（元）,期限（月）,状态,绿色通道,办理时限");
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain("123456.78");
    // The status in words, never its code.
    expect(rows[1]).toContain(`,${status("CENTER_REVIEW")},`);
    expect(csv).not.toMatch(/CENTER_REVIEW/);
    expect(rows[1]).toContain(`"'=HYPERLINK(""x"")`);
    const guarantor = await staffActor("officer@guarantor.demo");
    expect((await exportQueueCsv(guarantor, "GUARANTOR_REVIEW", { q: enterprise.name }, words)).trim().split("\r\n")).toHaveLength(1);
    // As XLSX: the same rows, the amount a number.
    const book = new ExcelJS.Workbook();
    const xlsx = queueXlsx(reviewer, { status: "CENTER_REVIEW", filters: { q: enterprise.name } }, { ...words, sheet: "cases", about: { title: "about", rows: [] } });
    await book.xlsx.load(Buffer.from(await new Response(xlsx).arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet("cases")!;
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(4).value).toBe(123456.78);
    // Larger than the limit: refused before it starts, with its size.
    expect(await queueExportTooLarge(reviewer, { status: "CENTER_REVIEW", filters: { q: enterprise.name } }, 2)).toBe(3);
    expect(await queueExportTooLarge(reviewer, { status: "CENTER_REVIEW", filters: { q: enterprise.name } }, 3)).toBeNull();
  });
});
