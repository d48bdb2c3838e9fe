import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import type { PolicyInput } from "@/lib/organisations/schemas";
import { weakenedControls, type WeakenedControl } from "@/lib/organisations/policy-controls";
import { policyPayload, publishedPayload } from "@/lib/organisations/policy-payload";
import { beijingToday, startOfBeijingDay } from "@/lib/calendar/beijing";

const POLICY_LOCK = 1_100_020_018;

export type PolicyOutcome = { kind: "proposed"; changeId: string; weakens: WeakenedControl[] };

const organisationOf = (actor: Actor) => (actor.kind === "STAFF" ? actor.organisationId : null);

function checkPolicyInput(input: PolicyInput, today: string = beijingToday()): Date {
  const effectiveFrom = startOfBeijingDay(input.effectiveFrom);
  if (Number.isNaN(effectiveFrom.getTime())) throw new AppError("VALIDATION", undefined, { effectiveFrom: [words("admin.policyErrors.noSuchDay")] });
  // A version takes effect from a day to come (today at the earliest): the rules of days past stay as they were.
  if (input.effectiveFrom < today) {
    const inPast = words("admin.policyErrors.inPast", { today });
    throw new AppError("VALIDATION", inPast, { effectiveFrom: [inPast] });
  }
  if (input.exceptionMaxLoanFen < input.maxLoanFen) throw new AppError("VALIDATION", undefined, { exceptionMaxLoanYuan: [words("admin.policyErrors.ceilingBelowCap")] });
  if (input.exceptionMaxTermMonths < input.maxTermMonths) throw new AppError("VALIDATION", undefined, { exceptionMaxTermMonths: [words("admin.policyErrors.ceilingBelowTerm")] });
  if (input.greenChannelDays > Math.max(input.centerReviewDays, input.guarantorReviewDays, input.bankReviewDays)) {
    throw new AppError("VALIDATION", undefined, { greenChannelDays: [words("admin.policyErrors.greenChannelLonger")] });
  }
  return effectiveFrom;
}

const notAfterLatest = () => {
  const text = words("admin.policyErrors.notAfterLatest");
  return new AppError("VALIDATION", text, { effectiveFrom: [text] });
};

/**
 * Writes the next policy version inside the caller's transaction, after taking the publication
 * lock: the date check and the next number must see the same history.
 */
export async function writePolicyVersion(tx: Prisma.TransactionClient, actor: Actor, input: PolicyInput, approvedBy?: string): Promise<{ id: string; version: number }> {
  const effectiveFrom = checkPolicyInput(input);
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POLICY_LOCK})`;
  const [latest, numbers] = await Promise.all([
    tx.policyVersion.findFirst({ orderBy: { effectiveFrom: "desc" } }),
    tx.policyVersion.aggregate({ _max: { version: true } }),
  ]);
  if (latest && effectiveFrom <= latest.effectiveFrom) throw notAfterLatest();
  const version = (numbers._max.version ?? 0) + 1;
  const created = await tx.policyVersion.create({
    data: {
      version,
      effectiveFrom,
      maxLoanFen: input.maxLoanFen,
      maxTermMonths: input.maxTermMonths,
      subsidyRatioBp: input.subsidyRatioPercent * 100,
      coolingDays: input.coolingDays,
      centerReviewDays: input.centerReviewDays,
      guarantorReviewDays: input.guarantorReviewDays,
      bankReviewDays: input.bankReviewDays,
      disbursementDays: input.disbursementDays,
      returnAnswerDays: input.returnAnswerDays,
      greenChannelDays: input.greenChannelDays,
      recommendNeedsChecker: input.recommendNeedsChecker,
      documentQuotaBytes: input.documentQuotaMb * 1024 * 1024,
      exceptionMaxLoanFen: input.exceptionMaxLoanFen,
      exceptionMaxTermMonths: input.exceptionMaxTermMonths,
      maxOpenCasesPerPerson: input.maxOpenCasesPerPerson,
      maxExposurePerPersonFen: input.maxExposurePerPersonFen,
      note: input.note,
    },
  });
  await appendAudit(tx, {
    actorId: actor.userId, organisationId: organisationOf(actor), entityType: "PolicyVersion",
    entityId: created.id, action: "policy.published",
    data: { ...policyPayload(input), before: latest ? publishedPayload(latest) : null, ...(approvedBy ? { proposedBy: approvedBy } : {}) },
  });
  return { id: created.id, version };
}

/**
 * Proposes the next policy version, in force from its date (Beijing midnight, today at the
 * earliest, after the latest version's). Every version waits for a second administrator, who
 * sees its what-if (lib/organisations/what-if-queries.ts) and publishes it by approving
 * (lib/organisations/services/dual-control.ts); the controls it weakens
 * (lib/organisations/policy-controls.ts) are named on the proposal. Cases already submitted keep
 * the version they were pinned to.
 */
export async function publishPolicy(actor: Actor, input: PolicyInput): Promise<PolicyOutcome> {
  assertCan(actor, "admin.write");
  checkPolicyInput(input);
  try {
    return await db.$transaction(async (tx) => {
      // Compared with the version it follows: the latest to take effect.
      const current = await tx.policyVersion.findFirst({ orderBy: { effectiveFrom: "desc" } });
      if (current && new Date(`${input.effectiveFrom}T00:00:00+08:00`) <= current.effectiveFrom) throw notAfterLatest();
      const weakens = weakenedControls(current, input);
      const change = await tx.controlChange.create({
        data: { kind: "POLICY_VERSION", payload: policyPayload(input), weakens, proposedById: actor.userId },
        select: { id: true },
      });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: organisationOf(actor), entityType: "ControlChange", entityId: change.id,
        action: "control_change.proposed", data: { kind: "POLICY_VERSION", weakens, policy: policyPayload(input) },
      });
      return { kind: "proposed" as const, changeId: change.id, weakens };
    });
  } catch (error) {
    // The unique version number is the last line of defence if the lock is ever bypassed.
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT");
    throw error;
  }
}
