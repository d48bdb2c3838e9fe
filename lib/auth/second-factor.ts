// Not marked server-only: Auth.js's authorize (which the proxy bundle loads) calls it.
import { db } from "@/lib/db/client";
import { recoveryCodeHash, totpStep } from "@/lib/auth/two-factor";
import { unseal } from "@/lib/personal-data/sealed";

/**
 * At sign-in, for an account with two-factor on: a current code from the app, used once (its time
 * step must be newer than the last one used), or an unused recovery code, spent. Both are
 * compare-and-set updates, so a code replayed at the same moment works only once.
 */
export async function verifySecondFactor(userId: string, code: string, at: number = Date.now()): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecretSealed: true, totpEnabledAt: true } });
  if (!user?.totpEnabledAt || !user.totpSecretSealed) return false;
  const step = totpStep(unseal(user.totpSecretSealed, "User.totpSecret"), code.trim(), at);
  if (step !== null) {
    const used = await db.user.updateMany({ where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
    return used.count === 1;
  }
  const spent = await db.recoveryCode.updateMany({ where: { userId, codeHash: recoveryCodeHash(code), usedAt: null }, data: { usedAt: new Date(at) } });
  return spent.count === 1;
}
