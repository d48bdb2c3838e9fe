import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import { codeRefused, spendMobileCode } from "@/lib/auth/services/mobile-codes";
import { mobileLookup } from "@/lib/personal-data/sealed";

/**
 * An applicant who forgot the password proves the account's mobile number with the SMS code and
 * sets a new password; every session of the account ends.
 */
export async function resetPasswordWithCode(input: { mobile: string; code: string; password: string }): Promise<{ userId: string }> {
  if (!(await spendMobileCode("RESET", input.mobile, input.code))) throw codeRefused();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: mobileLookup(input.mobile), select: { id: true, disabledAt: true } });
    if (!user || user.disabledAt) throw codeRefused();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await appendAudit(tx, { actorId: user.id, entityType: "User", entityId: user.id, action: "user.password_set", data: { purpose: "RESET_BY_SMS" } });
    return { userId: user.id };
  });
}
