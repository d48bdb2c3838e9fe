import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { IneligibleError } from "@/lib/applications/eligibility";
import { missingDocuments } from "@/lib/applications/required-documents";
import type { Policy } from "@/lib/policy/queries";
import { assertNoPendingDrafts } from "@/lib/applications/services/form-drafts";
import { checkEligibility, type CaseFacts } from "@/lib/applications/eligibility-queries";
import type { ExceptionRecord } from "@/lib/exceptions/rules";

/**
 * What a case needs before it goes to review, apart from eligibility: the request complete, no
 * form left unsaved, every required document. `checklist` is the case's checklist and `waived` the
 * documents a waiver in force takes off it, when the caller has them already (else read here).
 */
export async function assertComplete(
  app: Pick<CaseFacts, "id" | "applicantId" | "enterpriseId" | "amountFen" | "termMonths"> & { kind: "NEW" | "RENEWAL"; purpose: string | null; categoryCode: string | null },
  checklist?: DocumentKind[],
  waived?: Set<DocumentKind>,
): Promise<void> {
  if (app.amountFen === null || app.termMonths === null || !app.purpose || !app.categoryCode) {
    throw new IneligibleError([{ code: "INCOMPLETE", params: {} }]);
  }
  await assertNoPendingDrafts(app);
  const missing = await missingDocuments(app.id, app.kind, checklist, waived);
  if (missing.length) throw new IneligibleError([{ code: "MISSING_DOCUMENTS", params: { kinds: missing.join(",") } }]);
}

/**
 * What a case needs before it goes back to review: complete (above), and eligible under `pinned`
 * (or today's policy). Returns the policy version it was judged under.
 */
export async function assertSubmittable(
  app: CaseFacts & { kind: "NEW" | "RENEWAL"; purpose: string | null; categoryCode: string | null },
  pinned?: Policy | null,
  checklist?: DocumentKind[],
): Promise<Policy> {
  await assertComplete(app, checklist);
  const { blocks, policy } = await checkEligibility(app, pinned, { forSubmission: true });
  if (blocks.length) throw new IneligibleError(blocks);
  return policy;
}

/**
 * A first submission's eligibility, judged once, inside its transaction and under the person's
 * and the enterprise's locks (`person`, from lib/applications/person-exposure.ts `exposureOf`; the
 * transition takes its locks): every block is listed, and the exposure rules (one open case or
 * outstanding loan per enterprise, the per-person count and amount) hold at commit, so of two
 * submissions at once only one passes. `exceptions`: the approved exceptions bearing on the case,
 * as the caller read them for its checklist's waivers (no lock orders an approval against a
 * submission, so they are read once, before).
 */
export async function assertEligibleAtCommit(
  tx: Prisma.TransactionClient,
  app: CaseFacts,
  policy: Policy,
  person: { userIds: string[]; hasMemberProfile: boolean },
  exceptions?: ExceptionRecord[],
): Promise<void> {
  const { blocks } = await checkEligibility(app, policy, { forSubmission: true, client: tx, personUserIds: person.userIds, hasMemberProfile: person.hasMemberProfile, exceptions });
  if (blocks.length) throw new IneligibleError(blocks);
}
