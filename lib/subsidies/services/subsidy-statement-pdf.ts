import "server-only";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { renderSubsidyStatement } from "@/lib/pdf/subsidy-statement";
import { loanScope } from "@/lib/loans/scope";
import { SPENT_STATUSES } from "@/lib/subsidies/batch-workflow";
import { beijingToday, isoDay, parseQuarter } from "@/lib/subsidies/periods";

/**
 * The 贴息确认单 of an enterprise for a quarter: every current line of the enterprise's loans at
 * the bank of `loanId` in that quarter's batch. For the loan's applicant and the centre; anyone
 * else, or a quarter without lines, gets null (the route answers 404).
 */
export async function subsidyStatementPdf(actor: Actor, loanId: string, quarterKey: string): Promise<{ fileName: string; pdf: Buffer } | null> {
  const scope = loanScope(actor);
  const quarter = parseQuarter(quarterKey);
  if (!scope || !quarter || !isUuid(loanId) || !can(actor, "subsidy.statementPdf")) return null;
  const loan = await db.loan.findFirst({
    where: { AND: [{ id: loanId }, scope] },
    select: { bankOrgId: true, enterpriseId: true, bankOrg: { select: { nameZh: true } }, enterprise: { select: { name: true, creditCode: true, legalRepName: true } } },
  });
  if (!loan) return null;
  const lines = await db.statementLine.findMany({
    where: { current: true, batch: { bankOrgId: loan.bankOrgId, quarter: quarterKey }, loan: { AND: [{ enterpriseId: loan.enterpriseId }, scope] } },
    orderBy: [{ loan: { contractNo: "asc" } }, { periodStart: "asc" }],
    select: {
      periodStart: true, periodEnd: true, interestPaidFen: true, subsidyFen: true, excludedReason: true,
      loan: { select: { contractNo: true } }, batch: { select: { status: true, paidOn: true, paymentRef: true } },
    },
  });
  if (lines.length === 0) return null;
  const batch = lines[0]!.batch!;
  const centre = await db.organisation.findFirst({ where: { type: "SUPPORT_CENTER" }, orderBy: { createdAt: "asc" }, select: { nameZh: true } });
  const paid = SPENT_STATUSES.includes(batch.status) && batch.paidOn && batch.paymentRef;
  const e = loan.enterprise;
  const notes = ["贴息金额 = 实付利息（不含罚息，以应付利息为限）× 贴息比例，逐笔四舍五入至分，合计为逐笔之和。"];
  if (lines.some((l) => l.excludedReason)) notes.push("逾期、展期及工会会籍无效期间的利息不予贴息，相应明细贴息金额为零。");
  const pdf = await renderSubsidyStatement({
    documentNo: `TXQR-${quarterKey}-${e.creditCode.slice(-6)}`,
    issuedOn: beijingToday(),
    generatedAt: new Date(),
    centreName: centre?.nameZh ?? "",
    bankName: loan.bankOrg.nameZh,
    quarter,
    enterprise: { name: e.name, creditCode: e.creditCode, legalRep: e.legalRepName },
    lines: lines.map((l) => ({
      contractNo: l.loan.contractNo, periodStart: isoDay(l.periodStart), periodEnd: isoDay(l.periodEnd),
      interestPaidFen: l.interestPaidFen, subsidyFen: l.subsidyFen,
    })),
    payment: paid ? { reference: batch.paymentRef!, paidOn: isoDay(batch.paidOn!) } : null,
    notes,
  });
  return { fileName: `贴息确认单-${e.name}-${quarterKey}.pdf`, pdf };
}
