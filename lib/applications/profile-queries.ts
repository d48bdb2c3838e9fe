import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/ids";
import { openedProfile, unsealOptional } from "@/lib/personal-data/sealed";

/** The applicant's own profile in full (it is theirs) and the target groups (consents: lib/consents/queries.ts). */
export async function profilePageData(actor: Actor) {
  if (actor.kind !== "APPLICANT") throw new AppError("NOT_FOUND");
  const held = (await db.applicantProfile.findUnique({ where: { userId: actor.userId }, select: { targetGroupCode: true } }))?.targetGroupCode;
  const [profile, user, groups] = await Promise.all([
    db.applicantProfile.findUnique({ where: { userId: actor.userId } }),
    db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { displayName: true, mobileSealed: true } }),
    // The active groups, and the one the profile already holds (an inactive one stays on it).
    db.targetGroup.findMany({ where: { OR: [{ active: true }, ...(held ? [{ code: held }] : [])] }, select: { code: true, nameZh: true } }),
  ]);
  const opened = profile ? openedProfile(profile) : null;
  return {
    profile: {
      fullName: profile?.fullName ?? user.displayName,
      idNumber: opened?.idNumber ?? "",
      mobile: opened?.mobile ?? unsealOptional(user.mobileSealed, "User.mobile") ?? "",
      unionName: profile?.unionName ?? "",
      memberCardNo: profile?.memberCardNo ?? "",
      targetGroupCode: profile?.targetGroupCode ?? "",
    },
    groups,
  };
}

/** An enterprise of the applicant's, for its edit form; null when it is not theirs. */
export async function enterpriseForEdit(actor: Actor, id: string) {
  if (actor.kind !== "APPLICANT" || !isUuid(id)) return null;
  return db.enterprise.findFirst({ where: { id, representativeId: actor.userId } });
}
