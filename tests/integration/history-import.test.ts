import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { historyCsv, type HistoryLine } from "@/lib/history/lines";
import { importHistory } from "@/lib/history/services/import-history";
import { reportOverdue } from "@/lib/loans/services/loan-status";
import { beijingNoon } from "@/lib/calendar/beijing";
import { programmeFigures, type ProgrammeFigures } from "@/lib/stats/queries";
import { db } from "../support/db";
import { makeCreditCode } from "../support/ids";
import { ensureReferenceData, staffActor } from "../support/factories";

// The years before the portal: a CSV/XLSX file of applications, loans, subsidy payments and union
// foundings, imported all or nothing, counted by the statistics' own queries. Dated 2025 like the
// other files' records; every figure is compared before and after, as of the same day.

type Line = Omit<HistoryLine, "line">;
const enc = (text: string) => new TextEncoder().encode(text);
const AS_OF = "2025-12-31";

async function setting() {
  await ensureReferenceData();
  const approver = await staffActor("approver@center.demo");
  const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" } });
  const figures = () => programmeFigures(approver, { asOf: beijingNoon(AS_OF) });
  return { approver, bank, figures };
}

function goodLines(a = makeCreditCode(), b = makeCreditCode()): Line[] {
  const firm = { creditCode: a, enterpriseName: "Beijing Test History Co Ltd", enterpriseFoundedOn: "2019-04-01", representative: "Li Hua" };
  return [
    { ...firm, submittedOn: "2025-01-10", kind: "NEW",
      loan: { disbursedOn: "2025-02-01", amountFen: 30_000_000n, termMonths: 12, annualRateMicros: 34_500, maturityOn: "2026-02-01" },
      subsidies: [{ paidOn: "2025-03-28", amountFen: 50_000n }, { paidOn: "2025-06-28", amountFen: 260_000n }],
      union: { foundedOn: "2025-01-05", unionName: "Test History Trade Union", memberCount: 15 } },
    { ...firm, submittedOn: "2025-05-01", kind: "RENEWAL", loan: null, subsidies: [], union: null },
    { creditCode: b, enterpriseName: "Beijing Unfunded History Co Ltd", enterpriseFoundedOn: "2020-09-09", representative: "Wang Fang",
      submittedOn: "2025-03-01", kind: "NEW", loan: null, subsidies: [], union: null },
  ];
}

const delta = (before: ProgrammeFigures, after: ProgrammeFigures) => ({
  applications: after.applications - before.applications, renewals: after.renewals - before.renewals,
  enterprisesFunded: after.enterprisesFunded - before.enterprisesFunded, loans: after.loans - before.loans, lentFen: after.lentFen - before.lentFen,
  enterprisesSubsidised: after.enterprisesSubsidised - before.enterprisesSubsidised, subsidyFen: after.subsidyFen - before.subsidyFen,
  unionsFounded: after.unionsFounded - before.unionsFounded, newMembers: after.newMembers - before.newMembers,
});

const counts = async () => ({
  applications: await db.loanApplication.count(), loans: await db.loan.count(), enterprises: await db.enterprise.count(),
  payments: await db.historicalSubsidyPayment.count(), foundings: await db.unionFounding.count(), imports: await db.historyImport.count(), audit: await db.auditEvent.count(),
});

describe("importing the years before the portal", () => {
  it("stores a good file as historical records that the statistics count, and the same file twice adds nothing", async () => {
    const { approver, bank, figures } = await setting();
    const lines = goodLines();
    const before = await figures();
    const file = { fileName: "history.csv", bytes: enc(historyCsv(lines)), bankOrgId: bank.id };
    expect(await importHistory(approver, file)).toEqual({
      status: "IMPORTED", applications: 3, loans: 1, lentFen: 30_000_000n, payments: 2, subsidyFen: 310_000n, unions: 1, members: 15,
    });
    const after = await figures();
    expect(delta(before, after)).toEqual({
      applications: 3, renewals: 1, enterprisesFunded: 1, loans: 1, lentFen: 30_000_000n, enterprisesSubsidised: 1, subsidyFen: 310_000n, unionsFounded: 1, newMembers: 15,
    });
    expect(after.years.find((y) => y.year === 2025)!.unionsFounded - (before.years.find((y) => y.year === 2025)?.unionsFounded ?? 0)).toBe(1);

    // Marked historical everywhere, owned by the one account nobody can sign in as.
    const apps = await db.loanApplication.findMany({ where: { enterprise: { creditCode: lines[0]!.creditCode } }, include: { loan: true, applicant: true } });
    expect(apps.map((a) => [a.kind, a.status, a.historical])).toEqual(expect.arrayContaining([["NEW", "SETTLED", true], ["RENEWAL", "REJECTED", true]]));
    expect(apps.every((a) => a.applicant.disabledAt !== null && a.applicant.mobileSealed === null)).toBe(true);
    const funded = apps.find((a) => a.loan)!;
    expect(funded.loan).toMatchObject({ historical: true, disbursedFen: 30_000_000n, principalFen: 30_000_000n, termMonths: 12, annualRateMicros: 34_500 });
    expect(await db.auditEvent.count({ where: { action: "history.imported" } })).toBeGreaterThan(0);

    // The same file again: nothing added.
    const stored = await counts();
    expect(await importHistory(approver, file)).toEqual({ status: "ALREADY_IMPORTED" });
    expect(await counts()).toEqual(stored);
    expect(await figures()).toEqual(after);

    // The workflow never moves a historical case, whatever its status says.
    await db.loanApplication.update({ where: { id: funded.id }, data: { status: "ACTIVE" } });
    const bankOfficer = await staffActor("officer@bank.demo");
    await expect(reportOverdue(bankOfficer, { applicationId: funded.id, version: funded.version, comment: "逾期", principalFen: 1n, interestFen: 1n, firstMissedOn: "2025-06-01" })).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
    await db.loanApplication.update({ where: { id: funded.id }, data: { status: "SETTLED" } });
  });

  it("reads the same lines from XLSX", async () => {
    const { approver, bank } = await setting();
    const csv = historyCsv(goodLines()).replace(/^\uFEFF/, "").trim().split("\r\n");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("history");
    for (const row of csv) sheet.addRow(row.split(","));
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await importHistory(approver, { fileName: "history.xlsx", bytes, bankOrgId: bank.id })).toMatchObject({ status: "IMPORTED", applications: 3, loans: 1, unions: 1 });
  });

  it("reports every kind of bad line and stores nothing", async () => {
    const { approver, bank, figures } = await setting();
    const known = goodLines();
    await importHistory(approver, { fileName: "known.csv", bytes: enc(historyCsv(known)), bankOrgId: bank.id });
    const base = goodLines()[0]!;
    const other = () => ({ ...base, creditCode: makeCreditCode() });
    const header = "credit_code,enterprise_name,enterprise_founded_on,representative,submitted_on,kind,disbursed_on,amount_yuan,term_months,annual_rate_percent,subsidy_paid,union_founded_on,union_name,union_members";
    const good = historyCsv([other()]).split("\r\n")[1]!;
    const cells = (over: Record<number, string>) => good.split(",").map((c, i) => over[i] ?? c).join(",");
    const rows = [
      cells({ 0: "91110105MA01ABCD1X" }), // 2: credit code check character
      cells({ 0: makeCreditCode(), 4: "2099-01-01" }), // 3: submitted in the future
      cells({ 0: makeCreditCode(), 7: "-5000" }), // 4: negative amount
      cells({ 0: makeCreditCode(), 10: "2024-12-28=100.00" }), // 5: subsidy before disbursement
      cells({ 0: makeCreditCode(), 13: "-3" }), // 6: negative members
      cells({ 0: makeCreditCode(), 11: "2099-01-01" }), // 7: union founded in the future
      cells({ 0: makeCreditCode(), 5: "RENEWAL", 6: "", 7: "", 8: "", 9: "", 10: "", 11: "", 12: "", 13: "" }), // 8: renewal without a loan
      cells({ 0: makeCreditCode(), 5: "LATER" }), // 9: unknown kind
      cells({ 0: makeCreditCode(), 8: "" }), // 10: loan incomplete
      historyCsv([{ ...known[0]!, submittedOn: "2025-01-11", loan: null, subsidies: [] }]).split("\r\n")[1]!, // 11: union already founded
      historyCsv([known[2]!]).split("\r\n")[1]!, // 12: already recorded
      good, // 13: fine on its own …
      good, // 14: … twice: duplicate line, and the union twice
    ];
    const stored = await counts();
    const before = await figures();
    const outcome = await importHistory(approver, { fileName: "bad.csv", bytes: enc(`${header}\r\n${rows.join("\r\n")}\r\n`), bankOrgId: bank.id });
    expect(outcome.status).toBe("REJECTED");
    const problems = outcome.status === "REJECTED" ? outcome.problems.map((p) => `${p.line}:${p.code}`) : [];
    expect(problems).toEqual(expect.arrayContaining([
      "2:CREDIT_CODE", "3:FUTURE_DATE", "4:AMOUNT", "5:SUBSIDY_OUTSIDE_LOAN", "6:UNION_MEMBERS", "7:UNION_FUTURE", "8:RENEWAL_WITHOUT_LOAN",
      "9:KIND", "10:LOAN_INCOMPLETE", "11:ALREADY_FOUNDED", "12:ALREADY_RECORDED", "14:DUPLICATE_LINE", "14:UNION_TWICE", "14:CONTRACT_TAKEN",
    ]));
    expect(problems.some((p) => p.startsWith("13:"))).toBe(false);
    expect(await counts()).toEqual(stored);
    expect(await figures()).toEqual(before);

    // The file as a whole: wrong columns, empty, not a table.
    const headerOnly = await importHistory(approver, { fileName: "h.csv", bytes: enc(`${header}\r\n`), bankOrgId: bank.id });
    expect(headerOnly).toMatchObject({ status: "REJECTED", problems: [{ code: "EMPTY" }] });
    const wrong = await importHistory(approver, { fileName: "w.csv", bytes: enc("a,b,c\r\n1,2,3\r\n"), bankOrgId: bank.id });
    expect(wrong).toMatchObject({ status: "REJECTED", problems: [{ code: "HEADER" }] });
    const binary = await importHistory(approver, { fileName: "x.csv", bytes: new Uint8Array([0, 1, 2, 3]), bankOrgId: bank.id });
    expect(binary).toMatchObject({ status: "REJECTED", problems: [{ code: "FILE" }] });
    expect(await counts()).toEqual(stored);
  });

  it("is the centre approver's: anyone else finds nothing, and the bank must be a bank", async () => {
    const { bank, approver } = await setting();
    const file = { fileName: "h.csv", bytes: enc(historyCsv(goodLines())), bankOrgId: bank.id };
    for (const email of ["reviewer@center.demo", "officer@bank.demo", "agent@district.demo", "admin@center.demo", "auditor@center.demo"]) {
      await expect(importHistory(await staffActor(email), file)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const guarantor = await db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } });
    await expect(importHistory(approver, { ...file, bankOrgId: guarantor.id })).rejects.toBeInstanceOf(AppError);
  });
});
