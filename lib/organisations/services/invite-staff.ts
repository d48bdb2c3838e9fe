import "server-only";
import { randomBytes } from "node:crypto";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { ORGANISATION_OF_ROLE, type Actor } from "@/lib/auth/roles";
import { issuePasswordLink, LINK_HOURS, setPasswordPath } from "@/lib/auth/services/password-links";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { programmeTranslator } from "@/lib/i18n/translator";

export type StaffInvitation = { email: string; displayName: string; organisationId: string; role: StaffRole };

/**
 * An administrator invites a staff member into an organisation with a role that fits its type.
 * The account exists at once with a password nobody knows; the invitation e-mail (through the
 * outbox) carries a one-time link to set one. Granting the administrator role is not done here:
 * it needs a second administrator.
 */
export async function inviteStaff(actor: Actor, input: StaffInvitation, origin: string): Promise<{ userId: string }> {
  assertCan(actor, "admin.write");
  if (input.role === "PROGRAM_ADMIN") {
    throw new AppError("FORBIDDEN", undefined, { role: [words("admin.inviteErrors.adminByReview")] });
  }
  const org = await db.organisation.findUnique({ where: { id: input.organisationId }, select: { id: true, type: true, nameZh: true, disabledAt: true } });
  if (!org) throw new AppError("VALIDATION", undefined, { organisationId: [words("admin.formErrors.chooseOrganisation")] });
  if (org.disabledAt) throw new AppError("VALIDATION", undefined, { organisationId: [words("admin.inviteErrors.organisationDisabled")] });
  if (ORGANISATION_OF_ROLE[input.role] !== org.type) throw new AppError("VALIDATION", undefined, { role: [words("admin.inviteErrors.roleNotOfType")] });
  const email = input.email.trim().toLowerCase();
  const taken = () => new AppError("DUPLICATE", undefined, { email: [words("admin.inviteErrors.emailTaken")] });
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) throw taken();

  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email, displayName: input.displayName, passwordHash, membership: { create: { organisationId: org.id, role: input.role } } },
        select: { id: true },
      });
      const token = await issuePasswordLink(tx, user.id, "INVITATION");
      const link = new URL(setPasswordPath(token), origin).toString();
      // Sent outside the reader's request: in the programme's language.
      const t = programmeTranslator("mail");
      await tx.outboxEmail.create({
        data: {
          to: email,
          subject: t("invitation.subject"),
          body: t("invitation.body", { name: input.displayName, organisation: org.nameZh, hours: LINK_HOURS.INVITATION, link }),
        },
      });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: org.id, entityType: "User", entityId: user.id, action: "user.invited",
        data: { role: input.role, organisationId: org.id },
      });
      return { userId: user.id };
    });
  } catch (error) {
    // Two invitations of one address at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw taken();
    throw error;
  }
}
