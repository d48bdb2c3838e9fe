import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { RegisterInput } from "@/lib/auth/schemas";
import { codeRefused, spendMobileCode } from "@/lib/auth/services/mobile-codes";
import { mobileLookup, userMobileColumns } from "@/lib/personal-data/sealed";
import { programmeTranslator } from "@/lib/i18n/translator";

/**
 * Creates an applicant account for a mobile number proven by the SMS code. Nothing reveals whether
 * a number or an e-mail address already has an account: a known number never received a code (its
 * SMS said it is registered), so it fails as a wrong code would; an e-mail address in use by
 * another account is left off this one and its owner is told by e-mail.
 */
export async function registerApplicant(input: RegisterInput, ip: string | null): Promise<{ userId: string }> {
  if (!(await spendMobileCode("REGISTER", input.mobile, input.code))) throw codeRefused();
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.user.findUnique({ where: mobileLookup(input.mobile), select: { id: true } })) throw codeRefused();
      const emailTaken = input.email ? await tx.user.findUnique({ where: { email: input.email }, select: { id: true } }) : null;
      const user = await tx.user.create({
        data: { displayName: input.displayName, ...userMobileColumns(input.mobile), email: emailTaken ? null : (input.email ?? null), passwordHash },
        select: { id: true },
      });
      if (emailTaken && input.email) {
        const t = programmeTranslator("mail");
        await tx.outboxEmail.create({ data: { to: input.email, subject: t("emailInUseSubject"), body: t("emailInUseBody") } });
      }
      await appendAudit(tx, { actorId: user.id, entityType: "User", entityId: user.id, action: "user.registered", data: { ip, mobileVerified: true } });
      return { userId: user.id };
    });
  } catch (error) {
    // Two sign-ups with the same number at once: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw codeRefused();
    throw error;
  }
}
