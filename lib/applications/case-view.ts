import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { applicationForApplicant, loanCategories, type ApplicationForApplicant } from "@/lib/applications/queries";
import { timelineOf } from "@/lib/applications/timeline";
import { checkEligibility } from "@/lib/applications/eligibility-queries";
import { draftForPage, pendingDraftForms } from "@/lib/applications/draft-queries";
import { documentChecklist } from "@/lib/applications/required-documents";
import { policyInForce } from "@/lib/policy/queries";
import { approvedExceptionsFor, limitsForCase } from "@/lib/exceptions/in-force";
import { db } from "@/lib/db/client";

/** The steps of a case the applicant is still writing (a draft, or one returned to them). */
export const APPLICATION_STEPS = ["enterprise", "loan", "documents", "review"] as const;
export type ApplicationStep = (typeof APPLICATION_STEPS)[number];

/** The step asked for, else where a case picks up: a returned one at the review, a draft at the loan. */
function stepOf(app: ApplicationForApplicant, asked: string | undefined): ApplicationStep {
  return APPLICATION_STEPS.find((s) => s === asked) ?? (app.status === "RETURNED" ? "review" : "loan");
}

/**
 * Everything the applicant's case page shows, read at once: the case and its progress, and for a
 * case they are still writing, what the open step needs (eligibility is on every step, so a
 * problem is known before the rest is filled in). Null when the case is not theirs.
 */
export async function applicantCaseView(actor: Actor, id: string, askedStep?: string) {
  const app = await applicationForApplicant(actor, id);
  if (!app) return null;
  const editable = app.status === "DRAFT" || app.status === "RETURNED";
  const step = stepOf(app, askedStep);
  const facts = { ...app, enterpriseId: app.enterprise.id };
  const withChecklist = editable && (step === "documents" || step === "review");
  // One read of the case's approved exceptions for both the limits and the checklist's waivers
  // (a settled promise: Prisma's own runs only when first awaited).
  const exceptions = withChecklist ? Promise.resolve(approvedExceptionsFor(db, facts)) : undefined;
  const [timeline, eligibility, checklist, loan, pendingDrafts] = await Promise.all([
    timelineOf(app.id),
    editable ? checkEligibility(facts, null, { forSubmission: true, exceptions }).then((r) => r.blocks) : Promise.resolve(null),
    withChecklist
      ? documentChecklist(app.id, app.kind, undefined, { categoryCode: app.categoryCode, requiredDocuments: app.requiredDocuments, exceptions: exceptions! })
      : Promise.resolve(null),
    editable && step === "loan" ? loanStepOf(actor, app) : Promise.resolve(null),
    editable && step === "review" ? pendingDraftForms(facts) : Promise.resolve(null),
  ]);
  return { app, editable, step, timeline, eligibility, checklist, loan, pendingDrafts };
}

/**
 * The loan step's choices and limits. A submitted (returned) case keeps the limits of the policy it
 * was pinned to, as its tailored-plan (yi qi yi ce) exceptions in force raise them; a draft shows today's.
 */
async function loanStepOf(actor: Actor, app: ApplicationForApplicant) {
  const [categories, pinned, draft] = await Promise.all([
    loanCategories(app.categoryCode), app.policyVersion ?? policyInForce(), draftForPage(actor, "LOAN_REQUEST", app.id),
  ]);
  const limits = await limitsForCase({ id: app.id, enterpriseId: app.enterprise.id }, pinned);
  return { categories, limits, draft };
}

export type ApplicantCaseView = NonNullable<Awaited<ReturnType<typeof applicantCaseView>>>;
