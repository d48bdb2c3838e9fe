import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import { limitsForCase } from "@/lib/exceptions/in-force";
import { AppError } from "@/lib/errors";
import { words, type Message } from "@/lib/i18n/words";
import { db } from "@/lib/db/client";
import { runTransition } from "@/lib/applications/services/transition";
import { textOrNull, type ApplicantMessage } from "@/lib/reviews/applicant-message";
import { deliverToApplicant } from "@/lib/reviews/services/applicant-messages";
import { assertConsentsActive } from "@/lib/reviews/services/guards";
import { routeCase } from "@/lib/routing/services/route-case";

type IssueGuarantee = {
  applicationId: string;
  version: number;
  comment: string;
  contractNo: string;
  /** The guaranteed amount in fen (the form's guaranteedYuan field, parsed). */
  guaranteedFen: bigint;
  termMonths: number;
  /** The guarantee company's choice, where the administrator's rule leaves the bank to it. */
  bankOrgId?: string;
  applicantMessage?: string | null;
};

/** The guarantee company approves and issues a full guarantee, free of fees, and routes to the bank. */
export async function issueGuarantee(actor: StaffActor, input: IssueGuarantee) {
  const message = (app: { number: string }): ApplicantMessage => ({ code: "guaranteeIssued", params: { number: app.number }, text: textOrNull(input.applicantMessage) });
  if (await db.guarantee.findUnique({ where: { contractNo: input.contractNo }, select: { id: true } })) {
    const taken = words("case.refusals.guaranteeContractNoTaken");
    throw new AppError("DUPLICATE", taken, { contractNo: [taken] });
  }
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "guarantorApprove",
    event: "guarantee_issued",
    expectedVersion: input.version,
    decision: { stage: "GUARANTOR", action: "APPROVE", comment: input.comment },
    guard: async (app) => {
      await assertConsentsActive(app.applicantId);
      const fieldErrors: Record<string, Message[]> = {};
      if (input.guaranteedFen <= 0n || (app.amountFen !== null && input.guaranteedFen > app.amountFen)) {
        fieldErrors.guaranteedYuan = [words("case.refusals.guaranteeAmount")];
      }
      // The pinned policy's limits, as the case's tailored-policy (yi qi yi ce) exceptions in force raise them.
      const limits = app.policyVersion ? await limitsForCase(app, app.policyVersion) : null;
      if (app.amountFen !== null && limits && app.amountFen > limits.maxLoanFen) {
        throw new AppError("INELIGIBLE", words("case.refusals.overPolicyCap"));
      }
      if (limits && input.termMonths > limits.maxTermMonths) {
        fieldErrors.termMonths = [words("case.refusals.guaranteeTermOver", { max: limits.maxTermMonths })];
      }
      if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", undefined, fieldErrors);
    },
    within: async (tx, app) => {
      await routeCase(tx, app, "BANK", input.bankOrgId);
      await tx.guarantee.create({
        data: {
          applicationId: app.id,
          contractNo: input.contractNo,
          guaranteedFen: input.guaranteedFen,
          termMonths: input.termMonths,
          feeFen: app.policyVersion?.guaranteeFeeFen ?? 0n,
          issuedById: actor.userId,
        },
      });
      await deliverToApplicant(tx, app, message(app));
    },
    auditData: (app) => ({ contractNo: input.contractNo, guaranteedFen: input.guaranteedFen, message: message(app) }),
  });
}
