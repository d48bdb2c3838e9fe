import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { notifyUser } from "@/lib/notifications/notify";
import { takeCaseSnapshot } from "@/lib/applications/snapshot-store";
import { runTransition } from "@/lib/applications/services/transition";
import { assertComplete, assertEligibleAtCommit } from "@/lib/applications/services/eligibility-facts";
import { policyInForce } from "@/lib/policy/queries";
import { stageDueAt } from "@/lib/policy/deadlines";
import { checklistOf, waivedIn } from "@/lib/applications/required-documents";
import { approvedExceptionsFor } from "@/lib/exceptions/in-force";
import { exposureOf } from "@/lib/applications/person-exposure";
import { db } from "@/lib/db/client";

/**
 * DRAFT → CENTER_REVIEW. Pins the policy version in force, starts the centre's clock, freezes the
 * case's facts as its first snapshot (what the reviewers judge), keeps the document checklist it
 * was judged against, and tells the applicant. A
 * repeated submit (double click, retried request) changes nothing.
 */
export async function submitApplication(actor: Actor, applicationId: string, expectedVersion: number) {
  return runTransition({
    actor,
    applicationId,
    transition: "submit",
    event: "submitted",
    expectedVersion,
    // No date is counted before the transaction: the centre's clock starts on the calendar read
    // once, under the transaction's shared lock (`changes`).
    check: async (app) => {
      // The checklist is read once (from the loaded case): judged here, kept with the case below.
      // The approved exceptions bearing on the case are read once: the waivers among them take
      // documents off the checklist here, and all of them set the limits judged at commit.
      const [checklist, exceptions] = await Promise.all([checklistOf(app.id, app.kind, app), approvedExceptionsFor(db, app)]);
      await assertComplete(app, checklist, waivedIn(exceptions));
      // A policy version is never changed once published, so the row judged under is the one pinned.
      // The person behind the applicant: the key of the lock the exposure rules are judged under.
      const [policy, person] = await Promise.all([policyInForce(), exposureOf(db, app)]);
      return { policyId: policy.id, policy, checklist, exceptions, person };
    },
    // Eligibility is judged once, where it must hold: at commit, under the person's lock and then
    // the enterprise's, taken with the calendar's (the answer still lists every block).
    locks: (_app, { person }) => person.locks,
    exclusive: (tx, app, { policy, exceptions, person }) => assertEligibleAtCommit(tx, app, policy, person, exceptions),
    changes: (app, _to, calendar, pinned) => ({
      policyVersionId: pinned.policyId,
      stageDueAt: stageDueAt("CENTER_REVIEW", new Date(), pinned.policy, app.greenChannel, calendar),
      submittedAt: new Date(),
      draftStep: 4,
      // The checklist it was judged against stays its checklist; later changes reach drafts only.
      requiredDocuments: pinned.checklist,
    }),
    within: async (tx, app) => {
      await takeCaseSnapshot(tx, app.id, "SUBMITTED");
      return notifyUser(tx, app.applicantId, {
        applicationId: app.id,
        code: "applicationSubmitted",
        params: { number: app.number },
      });
    },
  });
}
