import { execFileSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test, expect, type BrowserContext, type Page } from "./support/test";
import { signInViaApi } from "./support/auth";
import { createApplicant } from "./support/factories";
import { e2eDatabase } from "./support/database";
import { queryE2e } from "./support/db";
import { captureScreens } from "./support/screens";
import { createPrismaClient } from "@/lib/db/client";
import { makeCreditCode } from "../support/ids";
import { ApplicationStatus, BatchStatus, ControlChangeStatus, LoanStatus, SubsidyExclusion } from "@/lib/generated/prisma/enums";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

type Words = { status: Record<string, string>; case: { loanStatus: Record<string, string> }; subsidy: { status: Record<string, string>; exclusion: Record<string, string> } };
const catalogue = (locale: string): Words => JSON.parse(readFileSync(path.join(process.cwd(), `lib/i18n/messages/${locale}.json`), "utf8")) as Words;
const CATALOGUE = { "zh-CN": catalogue("zh-CN"), en: catalogue("en") };

// Status words everywhere: a case in every application status and a loan in every loan status
// are walked through every page, export and PDF that shows a status (the applicant's, the
// centre's, the guarantor's and the bank's; queues, cases, portfolios, CSV, the form PDF, the
// subsidy batches and their summary PDF), in Chinese and in English. No raw status code may
// appear in the text a reader gets.

const CODES = [...new Set([ApplicationStatus, LoanStatus, BatchStatus, SubsidyExclusion, ControlChangeStatus].flatMap((e) => Object.values(e)))];
const RAW = new RegExp(`(?<![A-Za-z0-9_-])(${CODES.join("|")})(?![A-Za-z0-9_-])`, "g");

const leaksIn = (where: string, text: string): string[] => [...new Set([...text.matchAll(RAW)].map((m) => m[1]))].map((code) => `${where}: ${code}`);

const LOAN_OF: Partial<Record<ApplicationStatus, LoanStatus>> = {
  CONTRACTING: "APPROVED", ACTIVE: "ACTIVE", OVERDUE: "OVERDUE", SETTLED: "SETTLED", COMPENSATED: "COMPENSATED",
};

type Fixture = {
  applicant: { mobile: string; password: string };
  enterpriseName: string;
  cases: { id: string; status: ApplicationStatus; loanId?: string }[];
  batchIds: string[];
  activeLoanId: string;
  firstQuarter: string;
};
let fx: Fixture;

test.beforeAll(async () => {
  const applicant = await createApplicant();
  const { prisma } = createPrismaClient({ url: e2eDatabase().url });
  try {
    const org = async (code: string) => (await prisma.organisation.findUniqueOrThrow({ where: { code } })).id;
    const [guarantorOrgId, bankOrgId, intakeOrgId, policy] = [await org("SCDB"), await org("BJRCB"), await org("CYQZGH"), await prisma.policyVersion.findFirstOrThrow()];
    const suffix = Date.now().toString(36);
    const enterpriseName = `状态词企业${suffix}`;
    const cases: Fixture["cases"] = [];
    for (const status of Object.values(ApplicationStatus)) {
      // One enterprise per case: each status is the one thing on its own enterprise card.
      const enterprise = await prisma.enterprise.create({
        data: { representativeId: applicant.userId, name: `${enterpriseName}-${status.toLowerCase()}`, creditCode: makeCreditCode(), legalRepName: "王测试",
          address: "北京市朝阳区测试路 8 号", industry: "软件", foundedOn: new Date("2020-01-01T00:00:00Z"), employees: 6, annualRevenueFen: 100_000_000n, hasUnion: true, unionMemberCount: 6 },
      });
      const submitted = status !== "DRAFT";
      const app = await prisma.loanApplication.create({
        data: {
          number: `SW-${suffix}-${cases.length + 1}`, applicantId: applicant.userId, enterpriseId: enterprise.id, status, categoryCode: "SMALL_MICRO",
          amountFen: 30_000_000n, termMonths: 12, purpose: "采购设备扩大经营", repaymentSource: "经营收入", draftStep: 3,
          // Taken in at a district union's desk, so the union's pages show every status too.
          intakeChannel: "DISTRICT_UNION", intakeOrgId,
          ...(submitted ? { submittedAt: new Date(), policyVersionId: policy.id, guarantorOrgId, bankOrgId, stageEnteredAt: new Date(), stageDueAt: new Date(Date.now() + 5 * 86_400_000) } : {}),
          ...(status === "RETURNED" || status === "EXPIRED" ? { returnedFrom: "CENTER_REVIEW", returnDueAt: new Date(Date.now() + 86_400_000) } : {}),
          ...(["REJECTED", "WITHDRAWN", "EXPIRED", "SETTLED", "COMPENSATED"].includes(status) ? { closedAt: new Date() } : {}),
        },
      });
      const loanStatus = LOAN_OF[status];
      const loan = loanStatus
        ? await prisma.loan.create({
            data: {
              applicationId: app.id, enterpriseId: enterprise.id, bankOrgId, contractNo: `SWHT-${suffix}-${cases.length + 1}`, principalFen: 30_000_000n,
              annualRateMicros: 34_500, lprReference: "LPR 1Y", termMonths: 12, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: loanStatus,
              ...(loanStatus === "APPROVED" ? {} : { disbursedOn: new Date("2026-01-05T00:00:00Z"), disbursedFen: 30_000_000n, maturityOn: new Date("2027-01-05T00:00:00Z") }),
              ...(loanStatus === "SETTLED" || loanStatus === "COMPENSATED" ? { closedOn: new Date("2026-10-05T00:00:00Z") } : {}),
            },
          })
        : null;
      cases.push({ id: app.id, status, loanId: loan?.id });
    }
    // A subsidy batch in every batch status (quarters no other test uses), and statement lines
    // with every exclusion in the first of them, on the active loan.
    const activeLoanId = cases.find((c) => c.status === "ACTIVE")!.loanId!;
    const importer = await prisma.user.findFirstOrThrow({ where: { email: "officer@bank.demo" } });
    const statement = await prisma.statementImport.create({
      data: { bankOrgId, fileName: "status-words.csv", fileSha256: `sw-${suffix}`, lineCount: 6, importedById: importer.id },
    });
    const batchIds: string[] = [];
    // Quarters no other test uses, different on every run (a retried worker builds the fixture again).
    const firstYear = 1100 + randomInt(800);
    for (const [i, status] of Object.values(BatchStatus).entries()) {
      const paid = status === "PAID" || status === "RECONCILED";
      const batch = await prisma.subsidyBatch.create({
        data: { bankOrgId, quarter: `${firstYear + i}Q1`, status, totalFen: 0n,
          ...(paid ? { paidOn: new Date(`${firstYear + i}-04-20T00:00:00Z`), payerAccount: "工会贴息专户", paymentRef: `SW-PAY-${suffix}-${i}` } : {}) },
      });
      batchIds.push(batch.id);
    }
    for (const [i, reason] of [...Object.values(SubsidyExclusion), null].entries()) {
      await prisma.statementLine.create({
        data: {
          importId: statement.id, loanId: activeLoanId, batchId: batchIds[0]!, lineKey: `sw-${suffix}-${i}`, periodStart: new Date(`${firstYear}-01-01T00:00:00Z`),
          periodEnd: new Date(`${firstYear}-03-20T00:00:00Z`), balanceFen: 30_000_000n, annualRateMicros: 34_500, interestDueFen: 100_000n, interestPaidFen: reason === "NOTHING_PAID" ? 0n : 100_000n,
          paidOn: new Date(`${firstYear}-03-21T00:00:00Z`), overdue: reason === "OVERDUE", extended: reason === "EXTENDED", subsidyFen: reason ? 0n : 100_000n, excludedReason: reason,
        },
      });
    }
    fx = { applicant, enterpriseName, cases, batchIds, activeLoanId, firstQuarter: `${firstYear}Q1` };
  } finally {
    await prisma.$disconnect();
  }
});

async function asLocale(context: BrowserContext, locale: "zh-CN" | "en"): Promise<void> {
  await context.addCookies([{ name: LOCALE_COOKIE, value: locale, domain: "localhost", path: "/" }]);
}

async function pageLeaks(page: Page, url: string): Promise<string[]> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  return leaksIn(url, await page.locator("body").innerText());
}

async function downloadLeaks(context: BrowserContext, url: string, pdf = false): Promise<string[]> {
  const response = await context.request.get(url);
  expect(response.status(), url).toBe(200);
  const body = await response.body();
  if (!pdf) return leaksIn(url, body.toString("utf8"));
  const dir = mkdtempSync(path.join(tmpdir(), "status-words-"));
  writeFileSync(path.join(dir, "f.pdf"), body);
  return leaksIn(url, execFileSync("pdftotext", ["-layout", path.join(dir, "f.pdf"), "-"]).toString("utf8"));
}

for (const locale of ["zh-CN", "en"] as const) {
  test.describe(`no raw status code reaches a reader (${locale})`, () => {
    test.setTimeout(300_000);

    test("the applicant's dashboard, cases, loans and form PDFs", async ({ page, context }) => {
      await asLocale(context, locale);
      await signInViaApi(context, fx.applicant.mobile, fx.applicant.password);
      const leaks = await pageLeaks(page, "/applicant");
      // The walk reads real pages: every application status and every loan status is there, in words.
      const dashboard = await page.locator("body").innerText();
      const words = CATALOGUE[locale];
      for (const s of Object.values(ApplicationStatus)) expect(dashboard, s).toContain(words.status[s]);
      for (const s of Object.values(LoanStatus)) expect(dashboard, s).toContain(words.case.loanStatus[s]);
      // Eligibility from the first page: the enterprise rejected a moment ago is in its cooling period.
      await expect(page.locator('[data-testid="eligibility-blocks"] [data-code="COOLING"]')).toHaveCount(1);
      await captureScreens(page, `status-words-dashboard-${locale}`);
      for (const c of fx.cases) {
        leaks.push(...(await pageLeaks(page, `/applicant/applications/${c.id}`)));
        if (c.loanId && c.status !== "CONTRACTING") leaks.push(...(await pageLeaks(page, `/applicant/loans/${c.loanId}`)));
        leaks.push(...(await downloadLeaks(context, `/api/applications/${c.id}/form-pdf`, true)));
      }
      expect(leaks).toEqual([]);
    });

    test("the centre's queues, cases, portfolio, exports and subsidy batches", async ({ page, context }) => {
      await asLocale(context, locale);
      await signInViaApi(context, "reviewer@center.demo");
      const leaks: string[] = [];
      for (const status of ["CENTER_REVIEW", "RETURNED", "EXPIRED"]) {
        leaks.push(...(await pageLeaks(page, `/center?status=${status}`)));
        leaks.push(...(await downloadLeaks(context, `/api/queue/export?status=${status}`)));
      }
      for (const c of fx.cases.filter((x) => x.status !== "DRAFT")) leaks.push(...(await pageLeaks(page, `/center/cases/${c.id}`)));
      leaks.push(...(await pageLeaks(page, "/center/loans")));
      leaks.push(...(await pageLeaks(page, `/center/loans?q=${encodeURIComponent(fx.enterpriseName)}`)));
      leaks.push(...(await downloadLeaks(context, `/api/loans/export?filter=all&q=${encodeURIComponent(fx.enterpriseName)}`)));
      leaks.push(...(await pageLeaks(page, "/center/subsidies")));
      const demoBatches = await queryE2e<{ id: string }>(`SELECT id FROM "SubsidyBatch" WHERE quarter > '2010' ORDER BY quarter DESC LIMIT 2`);
      const words = CATALOGUE[locale];
      for (const [i, status] of Object.values(BatchStatus).entries()) {
        // Each batch's page names its status in words; the first holds a line of every exclusion.
        leaks.push(...(await pageLeaks(page, `/center/subsidies/${fx.batchIds[i]}`)));
        const text = await page.locator("body").innerText();
        expect(text, status).toContain(words.subsidy.status[status]);
        if (i === 0) for (const reason of Object.values(SubsidyExclusion)) expect(text, reason).toContain(words.subsidy.exclusion[reason]);
      }
      for (const b of [...fx.batchIds.map((id) => ({ id })), ...demoBatches]) {
        leaks.push(...(await downloadLeaks(context, `/api/subsidies/batches/${b.id}/summary`, true)));
      }
      leaks.push(...(await pageLeaks(page, `/center/subsidies?status=all`)));
      leaks.push(...(await downloadLeaks(context, `/api/subsidies/statement/${fx.activeLoanId}/${fx.firstQuarter}`, true)));
      leaks.push(...(await pageLeaks(page, "/center/inbox")));
      leaks.push(...(await pageLeaks(page, "/center/oversight")));
      expect(leaks).toEqual([]);
    });

    test("the district union's desk: its queues and the cases it took in", async ({ page, context }) => {
      await asLocale(context, locale);
      await signInViaApi(context, "agent@district.demo");
      const leaks = await pageLeaks(page, "/agent");
      for (const status of ["DRAFT", "CENTER_REVIEW", "RETURNED"]) leaks.push(...(await pageLeaks(page, `/agent?status=${status}`)));
      leaks.push(...(await pageLeaks(page, "/agent/intake")));
      for (const c of fx.cases) leaks.push(...(await pageLeaks(page, c.status === "DRAFT" ? `/agent/intake/${c.id}` : `/agent/cases/${c.id}`)));
      expect(leaks).toEqual([]);
    });

    test("the guarantor's queue, cases and portfolio", async ({ page, context }) => {
      await asLocale(context, locale);
      await signInViaApi(context, "officer@guarantor.demo");
      const leaks = await pageLeaks(page, "/guarantor?status=GUARANTOR_REVIEW");
      for (const c of fx.cases.filter((x) => x.status !== "DRAFT")) leaks.push(...(await pageLeaks(page, `/guarantor/cases/${c.id}`)));
      leaks.push(...(await pageLeaks(page, "/guarantor/loans")));
      expect(leaks).toEqual([]);
    });

    test("the bank's queues, cases, portfolio and exports", async ({ page, context }) => {
      await asLocale(context, locale);
      await signInViaApi(context, "officer@bank.demo");
      const leaks: string[] = [];
      for (const status of ["BANK_REVIEW", "CONTRACTING", "ACTIVE"]) {
        leaks.push(...(await pageLeaks(page, `/bank?status=${status}`)));
        leaks.push(...(await downloadLeaks(context, `/api/queue/export?status=${status}`)));
      }
      for (const c of fx.cases.filter((x) => x.status !== "DRAFT")) leaks.push(...(await pageLeaks(page, `/bank/cases/${c.id}`)));
      leaks.push(...(await pageLeaks(page, "/bank/loans")));
      leaks.push(...(await pageLeaks(page, "/bank/statements")));
      leaks.push(...(await downloadLeaks(context, "/api/loans/export?filter=all")));
      expect(leaks).toEqual([]);
    });
  });
}

test("the walk sees a raw code when one is there (the check itself can fail)", () => {
  expect(leaksIn("x", "状态：CENTER_REVIEW")).toEqual(["x: CENTER_REVIEW"]);
  expect(leaksIn("x", "Status: Overdue (OVERDUE_DAYS is not a status)")).toEqual([]);
});
