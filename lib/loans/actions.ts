"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { staffAction } from "@/lib/actions/safe-action";
import { staffRolesOf } from "@/lib/actions/audience";
import { homeOf, type StaffActor } from "@/lib/auth/roles";
import { AppError, isAppError } from "@/lib/errors";
import { formatFen } from "@/lib/money/fen";
import { words, type Words } from "@/lib/i18n/words";
import { TRANSITIONS, type TransitionName } from "@/lib/applications/workflow";
import { compensateSchema, cureSchema, overdueSchema, recoverySchema, repaymentSchema, settleSchema } from "@/lib/loans/schemas";
import { isServicingRefusal, type ServicingRefusal, type ServicingRefusalCode } from "@/lib/loans/servicing/refusal";
import { compensateLoan, cureOverdue, reportOverdue, settleLoan } from "@/lib/loans/services/loan-status";
import { recordRepayment } from "@/lib/loans/services/servicing/record-repayment";
import { recordRecovery } from "@/lib/loans/services/servicing/record-recovery";

// The loan's servicing after disbursement. Status changes take their audience from the workflow
// table; repayments are the bank's, recoveries the guarantee company's. Every service authorises
// again (organisation scope: a foreign loan is not found) and judges the figures.

const stepRoles = (name: TransitionName): StaffRole[] => staffRolesOf(TRANSITIONS[name].roles);

const refusal = (key: string, values?: Record<string, string>): Words => words(`servicing.refusal.${key}`, values);

/** A refusal's words with its figures (worded in the user's language by the action), on the field it concerns. */
function rendered(e: ServicingRefusal): AppError {
  const params = Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, /^\d+$/.test(v) ? formatFen(BigInt(v)) : v]));
  // The figures once, above the form; the field it concerns is marked.
  return new AppError(e.code, refusal(e.reason, params), e.field === "_form" ? undefined : { [e.field]: [refusal("checkField")] });
}

/** The step does not start from the loan's status: say which status it needs. */
function wrongStatus(reason: ServicingRefusalCode): AppError {
  return new AppError("INVALID_TRANSITION", refusal(reason));
}

function servicing<S extends z.ZodType>(
  roles: readonly StaffRole[],
  schema: S,
  run: (input: z.output<S>, actor: StaffActor) => Promise<unknown>,
  done: string,
  needs?: ServicingRefusalCode,
) {
  return staffAction(roles, {
    schema,
    run: async (input, actor) => {
      try {
        await run(input, actor);
      } catch (e) {
        if (isServicingRefusal(e)) throw rendered(e);
        if (needs && isAppError(e) && e.code === "INVALID_TRANSITION" && !e.detail) throw wrongStatus(needs);
        throw e;
      }
      return actor;
    },
    success: () => words(`servicing.done.${done}`),
    after: (acting) => revalidatePath(homeOf(acting.role), "layout"),
  });
}

export const recordRepaymentAction = servicing(["BANK_OFFICER"], repaymentSchema, (i, a) =>
  recordRepayment(a, { applicationId: i.applicationId, principalFen: i.principalYuan, interestFen: i.interestYuan, paidOn: i.paidOn, reference: i.reference }), "repayment");
export const reportOverdueAction = servicing(stepRoles("reportOverdue"), overdueSchema, (i, a) =>
  reportOverdue(a, { ...i, principalFen: i.principalYuan, interestFen: i.interestYuan }), "overdue", "NOT_ACTIVE");
export const cureAction = servicing(stepRoles("cure"), cureSchema, (i, a) => cureOverdue(a, i), "cure", "CURE_NOT_OVERDUE");
export const settleAction = servicing(stepRoles("settle"), settleSchema, (i, a) =>
  settleLoan(a, { ...i, principalFen: i.principalYuan, interestFen: i.interestYuan }), "settle", "NOT_ACTIVE");
export const compensateAction = servicing(stepRoles("compensate"), compensateSchema, (i, a) =>
  compensateLoan(a, { ...i, amountFen: i.amountYuan }), "compensate", "NOT_OVERDUE");
export const recordRecoveryAction = servicing(["GUARANTOR_OFFICER"], recoverySchema, (i, a) =>
  recordRecovery(a, { applicationId: i.applicationId, amountFen: i.amountYuan, recoveredOn: i.recoveredOn, reference: i.reference }), "recovery");
