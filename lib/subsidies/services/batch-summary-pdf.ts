import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { isUuid } from "@/lib/ids";
import { renderSubsidyBatchSummary } from "@/lib/pdf/subsidy-statement";
import { scopedBatch } from "@/lib/subsidies/scope";
import { dayOfDateColumn } from "@/lib/calendar/beijing";
import { parseQuarter } from "@/lib/subsidies/periods";
import { programmeTranslator } from "@/lib/i18n/translator";

/** The batch summary (the subsidy batch summary sheet) for the centre and the batch's own bank; null outside scope. */
export async function batchSummaryPdf(actor: Actor, id: string): Promise<{ fileName: string; pdf: Buffer } | null> {
  const where = isUuid(id) ? scopedBatch(actor, id) : null;
  const batch = where ? await db.subsidyBatch.findFirst({ where, include: { bankOrg: { select: { nameZh: true } } } }) : null;
  const quarter = batch ? parseQuarter(batch.quarter) : null;
  if (!batch || !quarter) return null;

  const [byLoan, centre, steps] = await Promise.all([
    db.statementLine.groupBy({ by: ["loanId"], where: { batchId: id, current: true }, _sum: { subsidyFen: true, interestPaidFen: true }, _count: { _all: true } }),
    db.organisation.findFirst({ where: { type: "SUPPORT_CENTER" }, orderBy: { createdAt: "asc" }, select: { nameZh: true } }),
    db.auditEvent.findMany({
      where: { entityType: "SubsidyBatch", entityId: id, action: { in: ["subsidy.batch_maker_approved", "subsidy.batch_checker_approved"] } },
      orderBy: { id: "desc" },
      select: { action: true, at: true },
    }),
  ]);
  const loans = await db.loan.findMany({ where: { id: { in: byLoan.map((l) => l.loanId) } }, select: { id: true, enterprise: { select: { id: true, name: true } } } });
  const enterpriseOf = new Map(loans.map((l) => [l.id, l.enterprise]));
  const enterprises = new Map<string, { name: string; lineCount: number; subsidyFen: bigint }>();
  for (const g of byLoan) {
    const e = enterpriseOf.get(g.loanId)!;
    const row = enterprises.get(e.id) ?? { name: e.name, lineCount: 0, subsidyFen: 0n };
    row.lineCount += g._count._all;
    row.subsidyFen += g._sum.subsidyFen ?? 0n;
    enterprises.set(e.id, row);
  }
  const people = await db.user.findMany({ where: { id: { in: [batch.makerId, batch.checkerId].filter((x): x is string => !!x) } }, select: { id: true, displayName: true } });
  const name = (userId: string | null) => people.find((p) => p.id === userId)?.displayName ?? "—";
  // Seeded historical batches have no audit events; their creation time stands in.
  const at = (action: string) => steps.find((s) => s.action === action)?.at ?? batch.createdAt;

  const t = programmeTranslator("subsidy");
  const pdf = await renderSubsidyBatchSummary({
    batchNo: `TXPC-${batch.quarter}-${batch.id.slice(0, 8).toUpperCase()}`,
    generatedAt: new Date(),
    centreName: centre?.nameZh ?? "",
    bankName: batch.bankOrg.nameZh,
    quarter,
    lineCount: byLoan.reduce((s, g) => s + g._count._all, 0),
    enterpriseCount: enterprises.size,
    totalInterestPaidFen: byLoan.reduce((s, g) => s + (g._sum.interestPaidFen ?? 0n), 0n),
    totalSubsidyFen: batch.totalFen,
    // A formal document in the programme's language: the status in the catalogue's Chinese words.
    statusLabel: t(`status.${batch.status}`),
    // The renderer requires a maker; before the first approval the row says so.
    maker: batch.makerId ? { name: name(batch.makerId), at: at("subsidy.batch_maker_approved") } : { name: t("pdf.makerPending"), at: new Date() },
    checker: batch.checkerId ? { name: name(batch.checkerId), at: at("subsidy.batch_checker_approved") } : null,
    payment: batch.paidOn && batch.paymentRef ? { reference: batch.paymentRef, paidOn: dayOfDateColumn(batch.paidOn) } : null,
    enterprises: [...enterprises.values()].sort((a, b) => a.name.localeCompare(b.name, "zh-CN")),
  });
  return { fileName: `${t("pdf.summaryFileName", { bank: batch.bankOrg.nameZh, quarter: batch.quarter })}.pdf`, pdf };
}
