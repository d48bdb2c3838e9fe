import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import { limitsForCase } from "@/lib/exceptions/in-force";
import { AppError } from "@/lib/errors";
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
    throw new AppError("DUPLICATE", "担保合同编号已被使用", { contractNo: ["担保合同编号已被使用"] });
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
      const fieldErrors: Record<string, string[]> = {};
      if (input.guaranteedFen <= 0n || (app.amountFen !== null && input.guaranteedFen > app.amountFen)) {
        fieldErrors.guaranteedYuan = ["担保金额须大于 0 且不超过申请金额"];
      }
      // The pinned policy's limits, as the case's 一企一策 exceptions in force raise them.
      const limits = app.policyVersion ? await limitsForCase(app, app.policyVersion) : null;
      if (app.amountFen !== null && limits && app.amountFen > limits.maxLoanFen) {
        throw new AppError("INELIGIBLE", "申请金额超过该案件适用政策的最高额度，请退回保障中心");
      }
      if (limits && input.termMonths > limits.maxTermMonths) {
        fieldErrors.termMonths = [`担保期限不能超过 ${limits.maxTermMonths} 个月`];
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
