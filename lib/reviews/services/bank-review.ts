import "server-only";
import type { StaffActor } from "@/lib/auth/roles";
import { limitsForCase } from "@/lib/exceptions/in-force";
import { AppError } from "@/lib/errors";
import { words, type Message } from "@/lib/i18n/words";
import { db } from "@/lib/db/client";
import { runTransition } from "@/lib/applications/services/transition";
import { textOrNull, type ApplicantMessage } from "@/lib/reviews/applicant-message";
import { deliverToApplicant } from "@/lib/reviews/services/applicant-messages";
import { addMonthsClamped } from "@/lib/loans/schedule";
import { assertConsentsActive } from "@/lib/reviews/services/guards";
import { seal } from "@/lib/personal-data/sealed";
import { beijingToday } from "@/lib/calendar/beijing";

type ApproveTerms = {
  applicationId: string;
  version: number;
  comment: string;
  /** The approved principal in fen (the form's principalYuan field, parsed). */
  principalFen: bigint;
  annualRateMicros: number;
  lprReference: string;
  termMonths: number;
  repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY" | "EQUAL_INSTALMENTS";
  contractNo: string;
  applicantMessage?: string | null;
};

const messageOf = (code: "creditApproved" | "loanDisbursed", text: string | null | undefined) =>
  (app: { number: string }): ApplicantMessage => ({ code, params: { number: app.number }, text: textOrNull(text) });

/** The bank approves the credit with its terms; the loan exists from here, not yet disbursed. */
export async function approveCredit(actor: StaffActor, input: ApproveTerms) {
  const message = messageOf("creditApproved", input.applicantMessage);
  if (await db.loan.findUnique({ where: { contractNo: input.contractNo }, select: { id: true } })) {
    const taken = words("case.refusals.loanContractNoTaken");
    throw new AppError("DUPLICATE", taken, { contractNo: [taken] });
  }
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "bankApprove",
    event: "bank_approved",
    expectedVersion: input.version,
    decision: { stage: "BANK", action: "APPROVE", comment: input.comment },
    guard: async (app) => {
      await assertConsentsActive(app.applicantId);
      const fieldErrors: Record<string, Message[]> = {};
      // The credit chain: principal <= the standing guarantee <= the amount requested (the
      // database holds the same rule: migration guarantee_void).
      const guarantee = await db.guarantee.findFirst({ where: { applicationId: app.id, voidedAt: null }, select: { guaranteedFen: true } });
      if (!guarantee) throw new AppError("INVALID_TRANSITION", words("case.refusals.noGuarantee"));
      if (input.principalFen > guarantee.guaranteedFen) fieldErrors.principalYuan = [words("case.refusals.principalOverGuarantee")];
      else if (app.amountFen !== null && input.principalFen > app.amountFen) fieldErrors.principalYuan = [words("case.refusals.principalOverRequest")];
      const limits = app.policyVersion ? await limitsForCase(app, app.policyVersion) : null;
      if (limits && input.termMonths > limits.maxTermMonths) {
        fieldErrors.termMonths = [words("case.refusals.termOver", { max: limits.maxTermMonths })];
      }
      if (input.annualRateMicros <= 0 || input.annualRateMicros > 240_000) fieldErrors.annualRatePercent = [words("case.refusals.rate")];
      if (Object.keys(fieldErrors).length) throw new AppError("VALIDATION", undefined, fieldErrors);
    },
    within: async (tx, app) => {
      await tx.loan.create({
        data: {
          applicationId: app.id,
          enterpriseId: app.enterpriseId,
          bankOrgId: actor.organisationId,
          contractNo: input.contractNo,
          principalFen: input.principalFen,
          annualRateMicros: input.annualRateMicros,
          lprReference: input.lprReference,
          termMonths: input.termMonths,
          repaymentMethod: input.repaymentMethod,
        },
      });
      await deliverToApplicant(tx, app, message(app));
    },
    auditData: (app) => ({ contractNo: input.contractNo, principalFen: input.principalFen, annualRateMicros: input.annualRateMicros, message: message(app) }),
  });
}

export async function recordContractSigned(actor: StaffActor, input: { applicationId: string; version: number; comment: string }) {
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "signContract",
    event: "contract_signed",
    expectedVersion: input.version,
    decision: { stage: "CONTRACTING", action: "SIGN", comment: input.comment },
    guard: async (app) => {
      const loan = await db.loan.findUnique({ where: { applicationId: app.id }, select: { signedAt: true } });
      if (!loan) throw new AppError("INVALID_TRANSITION", words("case.refusals.notApproved"));
      if (loan.signedAt) throw new AppError("INVALID_TRANSITION", words("case.refusals.alreadySigned"));
    },
    within: async (tx, app) => {
      await tx.loan.update({ where: { applicationId: app.id }, data: { signedAt: new Date() } });
    },
  });
}

/** Disbursement opens the loan: the amount, date and account are recorded and the clock starts. */
export async function recordDisbursement(
  actor: StaffActor,
  input: { applicationId: string; version: number; comment: string; disbursedOn: string; amountFen: bigint; accountNo: string; applicantMessage?: string | null },
) {
  const message = messageOf("loanDisbursed", input.applicantMessage);
  return runTransition({
    actor,
    applicationId: input.applicationId,
    transition: "disburse",
    event: "disbursed",
    expectedVersion: input.version,
    decision: { stage: "CONTRACTING", action: "DISBURSE", comment: input.comment },
    guard: async (app) => {
      const loan = await db.loan.findUnique({ where: { applicationId: app.id }, select: { signedAt: true, principalFen: true, termMonths: true } });
      if (!loan?.signedAt) throw new AppError("INVALID_TRANSITION", words("case.refusals.notSigned"));
      if (input.amountFen !== loan.principalFen) throw new AppError("VALIDATION", undefined, { amountYuan: [words("case.refusals.disburseAmount")] });
      if (input.disbursedOn > beijingToday()) throw new AppError("VALIDATION", undefined, { disbursedOn: [words("case.refusals.disburseFuture")] });
      return { maturityOn: addMonthsClamped(input.disbursedOn, loan.termMonths) };
    },
    changes: () => ({ stageDueAt: null }),
    within: async (tx, app, _to, { maturityOn }) => {
      await tx.loan.update({
        where: { applicationId: app.id },
        data: {
          status: "ACTIVE",
          disbursedOn: new Date(`${input.disbursedOn}T00:00:00Z`),
          disbursedFen: input.amountFen,
          accountNoSealed: seal(input.accountNo, "Loan.accountNo"),
          maturityOn: new Date(`${maturityOn}T00:00:00Z`),
        },
      });
      await deliverToApplicant(tx, app, message(app));
    },
    auditData: (app) => ({ disbursedOn: input.disbursedOn, amountFen: input.amountFen, message: message(app) }),
  });
}
