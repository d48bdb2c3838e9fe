import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { OPEN_STATUSES } from "@/lib/applications/workflow";
import { workingCalendar } from "@/lib/policy/queries";
import { beijingToday, dayOfDateColumn } from "@/lib/calendar/beijing";
import { standingByEnterprise, ratioOf } from "@/lib/subsidies/subsidy-context";
import { policyFromPayload } from "@/lib/organisations/policy-payload";
import { policyWhatIf, type WhatIf, type WhatIfPolicy } from "@/lib/organisations/policy-what-if";
import type { PolicyInput } from "@/lib/organisations/schemas";

// The what-if of a proposed policy version (lib/organisations/policy-what-if.ts) against the
// latest version, on today's open cases, rejections and active loans. Read by administrators
// before a second one approves (publishes) it.

const asPolicy = (input: PolicyInput): WhatIfPolicy => ({
  maxLoanFen: input.maxLoanFen, maxTermMonths: input.maxTermMonths, coolingDays: input.coolingDays, subsidyRatioBp: input.subsidyRatioPercent * 100,
  centerReviewDays: input.centerReviewDays, guarantorReviewDays: input.guarantorReviewDays, bankReviewDays: input.bankReviewDays,
  disbursementDays: input.disbursementDays, returnAnswerDays: input.returnAnswerDays, greenChannelDays: input.greenChannelDays,
});

export async function whatIfOfPolicy(actor: Actor, input: PolicyInput, today: string = beijingToday()): Promise<WhatIf & { currentVersion: number }> {
  assertCan(actor, "admin.read");
  const current = await db.policyVersion.findFirst({ orderBy: { effectiveFrom: "desc" } });
  if (!current) throw new AppError("NOT_FOUND");
  const [cases, rejected, loans, calendar] = await Promise.all([
    db.loanApplication.findMany({
      where: { status: { in: [...OPEN_STATUSES] } },
      orderBy: { number: "asc" },
      select: { number: true, status: true, amountFen: true, termMonths: true, greenChannel: true, stageEnteredAt: true, stageDueAt: true },
    }),
    db.loanApplication.findMany({
      where: { status: "REJECTED", closedAt: { not: null } },
      orderBy: { closedAt: "desc" },
      select: { enterpriseId: true, number: true, closedAt: true },
    }),
    db.loan.findMany({
      where: { status: "ACTIVE", historical: false, disbursedOn: { not: null } },
      orderBy: { contractNo: "asc" },
      select: {
        contractNo: true, enterpriseId: true, principalFen: true, disbursedFen: true, annualRateMicros: true, termMonths: true, disbursedOn: true, repaymentMethod: true,
        application: { select: { policyVersion: { select: { subsidyRatioBp: true } } } },
      },
    }),
    workingCalendar(),
  ]);
  // The latest rejection of each enterprise is the one its cooling period runs from.
  const latestRejection = new Map<string, { enterpriseId: string; number: string; closedAt: Date }>();
  for (const r of rejected) if (!latestRejection.has(r.enterpriseId)) latestRejection.set(r.enterpriseId, { enterpriseId: r.enterpriseId, number: r.number, closedAt: r.closedAt! });
  const standing = await standingByEnterprise(loans.map((l) => l.enterpriseId));
  const result = policyWhatIf(
    current,
    asPolicy(input),
    input.effectiveFrom,
    {
      cases, rejections: [...latestRejection.values()], calendar, today,
      loans: loans.map((l) => ({
        contractNo: l.contractNo, principalFen: l.disbursedFen ?? l.principalFen, annualRateMicros: l.annualRateMicros, termMonths: l.termMonths,
        disbursedOn: dayOfDateColumn(l.disbursedOn!), method: l.repaymentMethod, ratioBp: ratioOf(l), standing: standing.get(l.enterpriseId) ?? [],
      })),
    },
  );
  return { ...result, currentVersion: current.version };
}

/** The what-if of each policy version waiting for a second administrator. */
export async function pendingPolicyWhatIfs(actor: Actor, today: string = beijingToday()) {
  assertCan(actor, "admin.read");
  const pending = await db.controlChange.findMany({ where: { kind: "POLICY_VERSION", status: "PENDING" }, orderBy: { proposedAt: "asc" }, select: { id: true, payload: true } });
  return Promise.all(pending.map(async (c) => {
    const policy = policyFromPayload(c.payload);
    return { changeId: c.id, policy, whatIf: await whatIfOfPolicy(actor, policy, today) };
  }));
}
