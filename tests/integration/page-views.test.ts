import { describe, expect, it } from "vitest";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { staffCaseView } from "@/lib/reviews/case-view";
import { addCaseNote } from "@/lib/reviews/services/case-notes";
import { workingCalendar } from "@/lib/policy/queries";
import { addWorkingDays } from "@/lib/calendar/working-days";
import { beijingDayOf } from "@/lib/calendar/beijing";
import { applicantCaseView } from "@/lib/applications/case-view";
import { applicantDashboardView } from "@/lib/applications/dashboard-view";
import { statementsOf } from "../support/statements";
import { createApplicant, createReadyDraft, staffActor } from "../support/factories";
import { db, itOnPostgres } from "../support/db";

// A page reads through one view: what it returns is scoped to the reader, like each query in it.

describe("the staff case view", () => {
  it("gives the centre the case with its history, papers and routing choices; a partner not yet on it gets nothing", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const view = await staffCaseView(await staffActor("reviewer@center.demo"), draft.id);
    expect(view?.c.id).toBe(draft.id);
    expect(view!.timeline.map((e) => e.event)).toContain("submitted");
    expect(view!.checklist.filter((item) => item.current).length).toBeGreaterThan(0);
    expect(view!.c.actions).toContain("recommend");
    expect(view!.targets?.guarantors.length).toBeGreaterThan(0);
    expect(view!.lpr).toBeNull();
    expect(view!.answerDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await staffCaseView(await staffActor("officer@guarantor.demo"), draft.id)).toBeNull();
    expect(await staffCaseView(await staffActor("reviewer@center.demo"), "not-a-case")).toBeNull();
  });

  itOnPostgres("reads the case, its facts, snapshots, papers, loans and servicing in one statement, the whole page in six", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const reviewer = await staffActor("reviewer@center.demo");
    // An event of the centre's on the timeline: its organisation is named with the events.
    await addCaseNote(reviewer, { applicationId: draft.id, note: "page-views note" });
    const expected = await staffCaseView(reviewer, draft.id);
    let view: Awaited<ReturnType<typeof staffCaseView>> = null;
    const statements = await statementsOf(async () => void (view = await staffCaseView(reviewer, draft.id, expected!.now)));
    // The same page as through the shared client, routing choices included (the widest reviewer's view).
    expect(view).toEqual(expected);
    expect(expected!.c.snapshots.latest).not.toBeNull();
    expect(expected!.targets).not.toBeNull();
    expect(expected!.timeline.find((e) => e.event === "note_added")?.by).toMatchObject({ kind: "organisation", type: "SUPPORT_CENTER" });
    // One statement on the case table: the case's relations, its live facts (enterprise, profile,
    // current documents), its snapshots and the enterprise's loans are joined to it.
    expect(from(statements, "LoanApplication")).toHaveLength(1);
    // The checklist's documents and waivers come with it too.
    for (const table of ["Enterprise", "ApplicantProfile", "CaseSnapshot", "Loan", "User", "TargetGroup", "LoanCategory", "Document"]) expect(from(statements, table)).toEqual([]);
    // The timeline: its events with the acting organisations' and people's names, in one.
    expect(from(statements, "AuditEvent")).toHaveLength(1);
    expect(mentioning(statements, "Organisation").filter((s) => !s.includes('"AuditEvent"') && !s.includes('"PartnerRouting"') && !s.includes('"LoanApplication"'))).toEqual([]);
    // The routing choices: the partners, both types' rules and the intake's district routes, in one.
    expect(mentioning(statements, "PartnerRouting")).toHaveLength(1);
    expect(mentioning(statements, "DistrictRoute")).toHaveLength(1);
    // The case's exceptions and those in force for it (its enterprise's cooling waivers) in one.
    expect(from(statements, "PolicyException")).toHaveLength(1);
    // The holiday calendar from today on (the answer deadline counts forward), with the deadline
    // the whole calendar gives.
    expect(from(statements, "Holiday")).toEqual([expect.stringMatching(/"day" >= \$1/)]);
    expect(expected!.answerDueOn).toBe(beijingDayOf(addWorkingDays(expected!.now, expected!.c.policy?.returnAnswerDays ?? 15, await workingCalendar())));
    // Before, the page sent one statement per relation: 40 and more; then nine.
    expect(statements.length).toBeLessThanOrEqual(6);
  });

  itOnPostgres("a renewal's page reads the earlier loans' servicing with the case", async () => {
    const reviewer = await staffActor("reviewer@center.demo");
    const renewal = await db.loanApplication.findFirst({ where: { number: "SQ-2026-0001" }, select: { id: true } });
    const read: { view: Awaited<ReturnType<typeof staffCaseView>> } = { view: null };
    const statements = await statementsOf(async () => void (read.view = await staffCaseView(reviewer, renewal!.id)));
    expect(read.view!.servicing.earlier.length).toBeGreaterThan(0);
    expect(read.view!.c.earlierLoans.map((l) => l.contractNo)).toEqual(read.view!.servicing.earlier.map((l) => l.contractNo));
    expect(from(statements, "LoanApplication")).toHaveLength(1);
    for (const table of ["Loan", "LoanRepayment", "LoanOverdue"]) expect(from(statements, table)).toEqual([]);
    // No total here: other tests of the run act on this demo case, and what the viewer may do
    // with it (route, return) changes the page's other reads. The test above pins the whole page.
  });
});

/** The statements whose first table read is `table` (Prisma's own, and raw SQL without the schema). */
const from = (statements: string[], table: string) => statements.filter((s) => s.match(/ FROM (?:"public"\.)?"(\w+)"/)?.[1] === table);
/** The statements that name `table` anywhere (joined or in a subquery). */
const mentioning = (statements: string[], table: string) => statements.filter((s) => s.includes(`"${table}"`));

describe("the staff case view without an answer deadline", () => {
  itOnPostgres("a viewer who may neither return nor reopen the case reads no holiday calendar", async () => {
    const bank = await staffActor("officer@bank.demo");
    const cases = await db.loanApplication.findMany({ where: { bankOrgId: bank.organisationId }, select: { id: true } });
    let checked = 0;
    for (const { id } of cases) {
      const read: { view: Awaited<ReturnType<typeof staffCaseView>> } = { view: null };
      const statements = await statementsOf(async () => void (read.view = await staffCaseView(bank, id)));
      const view = read.view;
      if (!view || view.c.actions.includes("return") || view.c.actions.includes("reopen")) continue;
      expect(view.answerDueOn).toBeNull();
      expect(statements.filter((s) => / FROM "public"\."Holiday"/.test(s))).toEqual([]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe("the applicant's views", () => {
  it("reads what the open step needs, for the case's own applicant only", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    const loanStep = await applicantCaseView(applicant, draft.id);
    expect(loanStep).toMatchObject({ editable: true, step: "loan", checklist: null, pendingDrafts: null });
    expect(loanStep!.loan?.categories.length).toBeGreaterThan(0);
    expect(loanStep!.eligibility).toEqual([]);
    const review = await applicantCaseView(applicant, draft.id, "review");
    expect(review).toMatchObject({ step: "review", loan: null, pendingDrafts: [] });
    expect(review!.checklist!.length).toBeGreaterThan(0);
    expect(await applicantCaseView(await createApplicant(), draft.id)).toBeNull();
  });

  it("a submitted case is read, not edited: no step's reads", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const view = await applicantCaseView(applicant, draft.id, "loan");
    expect(view).toMatchObject({ editable: false, eligibility: null, loan: null, checklist: null, pendingDrafts: null });
    expect(view!.timeline.map((e) => e.event)).toContain("submitted");
  });

  it("the dashboard lists the applicant's own cases and what blocks each enterprise", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    const view = await applicantDashboardView(applicant);
    expect(view.rows.map((r) => r.id)).toEqual([draft.id]);
    expect(view.overview?.enterprises.map((e) => e.id)).toEqual([draft.enterpriseId]);
    expect(view.eligibility.get(draft.enterpriseId)).toEqual([]);
    expect((await applicantDashboardView(await createApplicant())).rows).toEqual([]);
  });
});
