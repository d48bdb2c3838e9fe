import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { computeLineSubsidy } from "@/lib/subsidies/rules";
import { lineKey } from "@/lib/subsidies/statement-parser";
import type { DemoStatementLine } from "@/lib/subsidies/demo-fixture";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const quarterOf = (iso: string) => `${iso.slice(0, 4)}Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

/**
 * The consulting company's statement lines, imported one file per quarter and paid in one
 * batch per quarter, as the bank and the centre did. Skipped when the bank already has them.
 */
export async function seedDemoSubsidies(
  db: PrismaClient,
  lines: readonly DemoStatementLine[],
  log: (line: string) => void,
): Promise<void> {
  const bank = await db.organisation.findUniqueOrThrow({ where: { code: "BJRCB" }, select: { id: true } });
  const officer = await db.user.findUniqueOrThrow({ where: { email: "officer@bank.demo" }, select: { id: true } });
  const maker = await db.user.findUniqueOrThrow({ where: { email: "reviewer@center.demo" }, select: { id: true } });
  const checker = await db.user.findUniqueOrThrow({ where: { email: "approver@center.demo" }, select: { id: true } });
  const byQuarter = new Map<string, DemoStatementLine[]>();
  for (const l of lines) {
    const q = quarterOf(l.paidOn ?? l.periodEnd);
    byQuarter.set(q, [...(byQuarter.get(q) ?? []), l]);
  }
  for (const [quarter, quarterLines] of byQuarter) {
    if (await db.subsidyBatch.findUnique({ where: { bankOrgId_quarter: { bankOrgId: bank.id, quarter } } })) continue;
    await db.$transaction(async (tx) => {
      const file = quarterLines.map((l) => lineKey(l)).join("\n");
      const imp = await tx.statementImport.create({
        data: { bankOrgId: bank.id, fileName: `利息清单-${quarter}.csv`, fileSha256: createHash("sha256").update(file).digest("hex"),
          lineCount: quarterLines.length, importedById: officer.id },
      });
      const batch = await tx.subsidyBatch.create({
        data: { bankOrgId: bank.id, quarter, status: "PAID", makerId: maker.id, checkerId: checker.id,
          payerAccount: "北京市总工会贴息专户", paymentRef: `TX-${quarter}-0001`, paidOn: day(`${quarter.slice(0, 4)}-${String(Number(quarter.slice(5)) * 3).padStart(2, "0")}-28`) },
      });
      let total = 0n;
      for (const l of quarterLines) {
        const loan = await tx.loan.findUniqueOrThrow({
          where: { contractNo: l.contractNo },
          select: { id: true, enterprise: { select: { unionStandings: { where: { supersededAt: null }, select: { validFrom: true, validTo: true } } } } },
        });
        const standing = loan.enterprise.unionStandings.map((s) => ({
          validFrom: s.validFrom.toISOString().slice(0, 10),
          validTo: s.validTo ? s.validTo.toISOString().slice(0, 10) : null,
        }));
        const result = computeLineSubsidy(l, { ratioBasisPoints: 10_000, unionStanding: standing });
        total += result.subsidyFen;
        await tx.statementLine.create({
          data: {
            importId: imp.id, loanId: loan.id, batchId: batch.id, lineKey: lineKey(l), periodStart: day(l.periodStart),
            periodEnd: day(l.periodEnd), balanceFen: l.principalBalanceFen, annualRateMicros: l.annualRateMicros,
            interestDueFen: l.interestDueFen, interestPaidFen: l.interestPaidFen, penaltyFen: l.penaltyInterestFen,
            paidOn: l.paidOn ? day(l.paidOn) : null, overdue: l.overdue, extended: l.extended,
            subsidyFen: result.subsidyFen, excludedReason: result.excludedReason, unionEvidence: standing,
          },
        });
      }
      await tx.subsidyBatch.update({ where: { id: batch.id }, data: { totalFen: total } });
    });
    log(`subsidy batch ${quarter}`);
  }
}
