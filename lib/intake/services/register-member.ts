import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { issuePasswordLink, LINK_HOURS, setPasswordPath } from "@/lib/auth/services/password-links";
import { queueSms } from "@/lib/notifications/sms-outbox";
import { mobileLookup, userMobileColumns } from "@/lib/personal-data/sealed";
import { programmeTranslator } from "@/lib/i18n/translator";
import { words } from "@/lib/i18n/words";
import { intakeChannelOf, isIntakeAgent, UNCLAIMED_PASSWORD } from "@/lib/intake/policy";
import type { RegisterMemberInput } from "@/lib/intake/schemas";


/**
 * A district union's agent (or the centre's hotline operator) registers a member who has no account yet: the account carries the
 * member's mobile (sealed, with its look-up index) and no usable password; the member receives a
 * text with a one-time link to claim it (set a password), valid for LINK_HOURS.CLAIM hours. When
 * the desk gives the member's e-mail address the account keeps it and the same link also goes out
 * by e-mail (through the outbox); an address that already has an account is refused.
 */
export async function registerMember(actor: Actor, input: RegisterMemberInput, origin: string): Promise<{ userId: string }> {
  if (!isIntakeAgent(actor)) throw new AppError("NOT_FOUND");
  const t = programmeTranslator("intake");
  const taken = () => new AppError("DUPLICATE", words("intake.errors.mobileTaken"), { mobile: [words("intake.errors.mobileTaken")] });
  const emailTaken = () => new AppError("DUPLICATE", words("intake.errors.emailTaken"), { email: [words("intake.errors.emailTaken")] });
  const email = input.email?.trim().toLowerCase() || null;
  if (await db.user.findUnique({ where: mobileLookup(input.mobile), select: { id: true } })) throw taken();
  if (email && await db.user.findUnique({ where: { email }, select: { id: true } })) throw emailTaken();
  const org = await db.organisation.findUniqueOrThrow({ where: { id: actor.organisationId }, select: { nameZh: true } });
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { displayName: input.displayName, email, ...userMobileColumns(input.mobile), passwordHash: UNCLAIMED_PASSWORD },
        select: { id: true },
      });
      const token = await issuePasswordLink(tx, user.id, "CLAIM");
      const link = new URL(setPasswordPath(token), origin).toString();
      const values = { name: input.displayName, union: org.nameZh, hours: LINK_HOURS.CLAIM, link };
      await queueSms(tx, input.mobile, t("claimSms", values));
      if (email) await tx.outboxEmail.create({ data: { to: email, subject: t("claimMailSubject"), body: t("claimMailBody", values) } });
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: actor.organisationId, entityType: "User", entityId: user.id,
        action: "intake.member_registered", data: { channel: intakeChannelOf(actor), byEmail: email !== null },
      });
      return { userId: user.id };
    });
  } catch (error) {
    // The same number (or address) registered twice at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw JSON.stringify((error as { meta?: unknown }).meta ?? {}).includes("email") ? emailTaken() : taken();
    throw error;
  }
}
