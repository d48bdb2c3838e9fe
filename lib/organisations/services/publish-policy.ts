import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { PolicyInput } from "@/lib/organisations/schemas";

const POLICY_LOCK = 1_100_020_018;

/**
 * Publishes the next policy version, in force from its date (Beijing midnight). Cases already
 * submitted keep the version they were pinned to; a version cannot start before the latest one.
 */
export async function publishPolicy(actor: Actor, input: PolicyInput): Promise<{ version: number }> {
  assertCan(actor, "admin.write");
  const effectiveFrom = new Date(`${input.effectiveFrom}T00:00:00+08:00`);
  if (Number.isNaN(effectiveFrom.getTime())) throw new AppError("VALIDATION", undefined, { effectiveFrom: ["日期不存在"] });
  if (input.greenChannelDays > Math.max(input.centerReviewDays, input.guarantorReviewDays, input.bankReviewDays)) {
    throw new AppError("VALIDATION", undefined, { greenChannelDays: ["绿色通道时限不应长于普通时限"] });
  }
  try {
    return await db.$transaction(async (tx) => {
      // Publications take turns: the date check and the next number must see the same history.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${POLICY_LOCK})`;
      const [latest, numbers] = await Promise.all([
        tx.policyVersion.findFirst({ orderBy: { effectiveFrom: "desc" }, select: { effectiveFrom: true } }),
        tx.policyVersion.aggregate({ _max: { version: true } }),
      ]);
      if (latest && effectiveFrom <= latest.effectiveFrom) {
        throw new AppError("VALIDATION", undefined, { effectiveFrom: ["生效日期须晚于现行最新版本的生效日期"] });
      }
      const version = (numbers._max.version ?? 0) + 1;
      const created = await tx.policyVersion.create({
        data: {
          version,
          effectiveFrom,
          maxLoanFen: input.maxLoanYuan,
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
          note: input.note,
        },
      });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null, entityType: "PolicyVersion",
        entityId: created.id, action: "policy.published", data: { ...input, maxLoanYuan: input.maxLoanYuan },
      });
      return { version };
    });
  } catch (error) {
    // The unique version number is the last line of defence if the lock is ever bypassed.
    if ((error as { code?: string }).code === "P2002") throw new AppError("CONFLICT");
    throw error;
  }
}
