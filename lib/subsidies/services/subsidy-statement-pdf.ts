import "server-only";
import { db } from "@/lib/db/client";
import { can } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { renderSubsidyStatement } from "@/lib/pdf/subsidy-statement";
import { loanScope } from "@/lib/loans/scope";
import { SPENT_STATUSES } from "@/lib/subsidies/batch-workflow";
import { beijingToday, dayOfDateColumn } from "@/lib/calendar/beijing";
import { parseQuarter } from "@/lib/subsidies/periods";
import { programmeTranslator } from "@/lib/i18n/translator";

/**
 * The subsidy statement (tiexi querendan) of an enterprise for a quarter: every current line of the enterprise's loans at
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
  // A formal document in the programme's language, whoever downloads it.
  const t = programmeTranslator("subsidy");
  const notes = [t("pdf.formulaNote")];
  if (lines.some((l) => l.excludedReason)) notes.push(t("pdf.exclusionNote"));
  const pdf = await renderSubsidyStatement({
    documentNo: `TXQR-${quarterKey}-${e.creditCode.slice(-6)}`,
    issuedOn: beijingToday(),
    generatedAt: new Date(),
    centreName: centre?.nameZh ?? "",
    bankName: loan.bankOrg.nameZh,
    quarter,
    enterprise: { name: e.name, creditCode: e.creditCode, legalRep: e.legalRepName },
    lines: lines.map((l) => ({
      contractNo: l.loan.contractNo, periodStart: dayOfDateColumn(l.periodStart), periodEnd: dayOfDateColumn(l.periodEnd),
      interestPaidFen: l.interestPaidFen, subsidyFen: l.subsidyFen,
    })),
    payment: paid ? { reference: batch.paymentRef!, paidOn: dayOfDateColumn(batch.paidOn!) } : null,
    notes,
  });
  return { fileName: `${t("pdf.statementFileName", { enterprise: e.name, quarter: quarterKey })}.pdf`, pdf };
}
