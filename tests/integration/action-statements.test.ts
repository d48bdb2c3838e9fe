import { describe, expect } from "vitest";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { recommendApplication } from "@/lib/reviews/services/center-review";
import { db, itOnPostgres } from "../support/db";
import { statementsOf } from "../support/statements";
import { createApplicant, createReadyDraft, staffActor } from "../support/factories";

// What one submission and one recommendation send to the database (docs/performance.md, "Submit
// and review: where a call's time goes"): a submission's eligibility is judged once, inside the
// transaction under the person's and the enterprise's locks, not once before it and again at
// commit; a review step reads the applicant's consents once.

const reading = (table: string) => new RegExp(`^\\s*SELECT .* FROM "public"\\."${table}"`, "s");

describe("the statements of one submission", () => {
  itOnPostgres("judges eligibility once, under the locks, and stays within its count", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    const statements = await statementsOf(() => submitApplication(applicant, draft.id, 0));
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("CENTER_REVIEW");

    // The person's exposure (their profile's keyed ID number, their enterprises, their loans'
    // repayments) and the consents are read once: judged twice, they were read twice.
    expect(statements.filter((s) => reading("Consent").test(s))).toHaveLength(1);
    expect(statements.filter((s) => reading("LoanRepayment").test(s))).toHaveLength(1);
    expect(statements.filter((s) => /^\s*SELECT .*"idNumberIndex" FROM "public"\."ApplicantProfile"/s.test(s))).toHaveLength(1);
    // Both locks, the person's before the enterprise's, and the reads of the judgement after them.
    const person = statements.findIndex((s) => /pg_advisory_xact_lock\(hashtext/.test(s));
    expect(statements.filter((s) => /pg_advisory_xact_lock\(hashtext/.test(s))).toHaveLength(2);
    expect(statements.findIndex((s) => reading("LoanRepayment").test(s))).toBeGreaterThan(person + 1);
    expect(statements.findIndex((s) => reading("Consent").test(s))).toBeGreaterThan(person + 1);
    // 40 statements; 48 when eligibility was judged before the transaction and again in it.
    expect(statements.length).toBeLessThanOrEqual(40);
  });

  itOnPostgres("a recommendation reads the applicant's consents once, for its own check and for eligibility", async () => {
    const applicant = await createApplicant();
    const draft = await createReadyDraft(applicant);
    await submitApplication(applicant, draft.id, 0);
    const reviewer = await staffActor("reviewer@center.demo");
    const checklist = { member: true, targetGroup: true, documents: true };
    const statements = await statementsOf(() => recommendApplication(reviewer, { applicationId: draft.id, version: 1, comment: "ok", checklist }));
    expect((await db.loanApplication.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(2);
    expect(statements.filter((s) => reading("Consent").test(s))).toHaveLength(1);
  });
});
