import type { RepaymentMethod } from "@/lib/generated/prisma/enums";
import { addMonthsClamped } from "@/lib/loans/schedule";
import { beijingToday, dateColumnOf } from "@/lib/calendar/beijing";
import { db, uniqueSuffix } from "../support/db";
import { createApplicant, createReadyDraft, ensureReferenceData } from "../support/factories";

/** A disbursed loan of the demo bank and guarantor, `monthsAgo` months before today (Beijing), ACTIVE at version 9. */
export async function disbursedLoan(options: { monthsAgo?: number; method?: RepaymentMethod; principalFen?: bigint; termMonths?: number; bankCode?: string; enterpriseName?: string } = {}) {
  await ensureReferenceData();
  const applicant = await createApplicant();
  const draft = await createReadyDraft(applicant);
  const [bank, guarantor, policy] = await Promise.all([
    db.organisation.findUniqueOrThrow({ where: { code: options.bankCode ?? "BJRCB" } }),
    db.organisation.findUniqueOrThrow({ where: { code: "SCDB" } }),
    db.policyVersion.findFirstOrThrow(),
  ]);
  await db.loanApplication.update({ where: { id: draft.id }, data: { status: "ACTIVE", version: 9, bankOrgId: bank.id, guarantorOrgId: guarantor.id, policyVersionId: policy.id } });
  if (options.enterpriseName) await db.enterprise.update({ where: { id: draft.enterpriseId }, data: { name: options.enterpriseName } });
  const disbursedOn = addMonthsClamped(beijingToday(), -(options.monthsAgo ?? 6));
  const termMonths = options.termMonths ?? 12;
  const loan = await db.loan.create({
    data: {
      applicationId: draft.id, enterpriseId: draft.enterpriseId, bankOrgId: bank.id, contractNo: `S-${uniqueSuffix()}`,
      principalFen: options.principalFen ?? 30_000_000n, disbursedFen: options.principalFen ?? 30_000_000n, annualRateMicros: 34_500, lprReference: "LPR",
      termMonths, repaymentMethod: options.method ?? "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "ACTIVE",
      disbursedOn: dateColumnOf(disbursedOn), maturityOn: dateColumnOf(addMonthsClamped(disbursedOn, termMonths)),
    },
  });
  return { applicationId: draft.id, loanId: loan.id, applicant, disbursedOn, enterpriseId: draft.enterpriseId, contractNo: loan.contractNo };
}
