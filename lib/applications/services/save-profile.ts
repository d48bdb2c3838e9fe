import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import type { ProfileInput } from "@/lib/applications/schemas";
import { profileColumns } from "@/lib/personal-data/sealed";

/** The applicant's personal and union-member details (one profile per account). */
export async function saveProfile(actor: Actor, input: ProfileInput): Promise<void> {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  // Only active groups are offered; a profile keeps the one it holds after that group is deactivated.
  const held = (await db.applicantProfile.findUnique({ where: { userId: actor.userId }, select: { targetGroupCode: true } }))?.targetGroupCode;
  if (input.targetGroupCode && input.targetGroupCode !== held && !(await db.targetGroup.findFirst({ where: { code: input.targetGroupCode, active: true } }))) {
    throw new AppError("VALIDATION", undefined, { targetGroupCode: [words("applicant.refusals.targetGroupUnknown")] });
  }
  const { idNumber, mobile, ...plain } = input;
  const columns = { ...plain, ...profileColumns({ idNumber, mobile }) };
  await db.$transaction(async (tx) => {
    const profile = await tx.applicantProfile.upsert({
      where: { userId: actor.userId },
      create: { userId: actor.userId, ...columns },
      update: columns,
      select: { id: true },
    });
    await appendAudit(tx, {
      actorId: actor.userId,
      entityType: "ApplicantProfile",
      entityId: profile.id,
      action: "profile.saved",
      data: { fields: Object.keys(input) },
    });
  });
}
