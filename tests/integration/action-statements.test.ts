import { describe, expect } from "vitest";
import { submitApplication } from "@/lib/applications/services/submit-application";
import { recommendApplication } from "@/lib/reviews/services/center-review";
import { db, itOnPostgres } from "../support/db";
import { statementsOf } from "../support/statements";
import { createApplicant, createReadyDraft, staffActor } from "../support/factories";

// What one submission and one recommendation send to the database (docs/performance.md, "Submit
// and review: where a call's time goes" and "Fourth pass"): a submission's eligibility is judged
// once, inside the transaction under the person's and the enterprise's locks, not once before it
// and again at commit; it reads the working calendar, the applicant's profile and the case's
// exceptions once each, takes its locks in one statement, reads its snapshot's sequence with the
// case's facts, and appends its audit event in two statements; a review step reads the
// applicant's consents once.

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
    expect(statements.filter((s) => /^\s*SELECT .*"idNumberIndex".* FROM "public"\."ApplicantProfile"/s.test(s))).toHaveLength(1);
    // Both locks, the person's and the enterprise's, taken in one statement with the calendar's
    // shared lock, and the reads of the judgement after them.
    const locks = statements.findIndex((s) => /pg_advisory_xact_lock\(hashtext/.test(s));
    expect(statements.filter((s) => /pg_advisory_xact_lock\(hashtext/.test(s))).toHaveLength(1);
    expect(statements[locks]).toMatch(/^SELECT pg_advisory_xact_lock_shared\(\$1\), pg_advisory_xact_lock\(hashtext\(\$2\)\), pg_advisory_xact_lock\(hashtext\(\$3\)\)$/);
    expect(statements.findIndex((s) => reading("LoanRepayment").test(s))).toBeGreaterThan(locks + 1);
    expect(statements.findIndex((s) => reading("Consent").test(s))).toBeGreaterThan(locks + 1);
    // Read once each: the working calendar (under the transaction's shared lock, not also before
    // it), the applicant's profile (its ID number's index and member card together), the case's
    // approved exceptions (its checklist's waivers and its limits).
    expect(statements.filter((s) => reading("Holiday").test(s))).toHaveLength(1);
    expect(statements.findIndex((s) => reading("Holiday").test(s))).toBe(locks + 1);
    expect(statements.filter((s) => /^\s*SELECT .* FROM "public"\."ApplicantProfile" AS "t0" WHERE \("t0"\."userId"/s.test(s))).toHaveLength(1);
    expect(statements.filter((s) => reading("PolicyException").test(s))).toHaveLength(1);
    // The snapshot's sequence comes with the case's facts; the audit event's predecessor is read
    // by its insert (after the chain's lock).
    expect(statements.filter((s) => new RegExp(`^\\s*SELECT .* FROM "public"\\."CaseSnapshot" AS "t0"`, "s").test(s))).toHaveLength(0);
    expect(statements.filter((s) => reading("AuditEvent").test(s))).toHaveLength(0);
    const auditLock = statements.findIndex((s) => /pg_advisory_xact_lock\(\$1::int, \$2::int\)/.test(s));
    expect(statements[auditLock + 1]).toMatch(/^\s*INSERT INTO "AuditEvent"/);
    // 25 statements; 32 before (48 when eligibility was judged before the transaction and again in it).
    expect(statements.length).toBeLessThanOrEqual(25);
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
