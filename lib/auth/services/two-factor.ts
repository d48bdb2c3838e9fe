import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { seal, unseal } from "@/lib/personal-data/sealed";
import { newRecoveryCodes, newTotpSecret, recoveryCodeHash, totpStep } from "@/lib/auth/two-factor";

/** Starts setting up: a fresh secret waits for the first code from the app. */
export async function startTwoFactor(actor: Actor): Promise<void> {
  const updated = await db.user.updateMany({ where: { id: actor.userId, totpEnabledAt: null }, data: { totpSecretSealed: seal(newTotpSecret(), "User.totpSecret") } });
  if (updated.count !== 1) throw new AppError("CONFLICT", words("accountErrors.twoFactorOn"));
}

/**
 * The first code from the app proves the secret arrived: two-factor sign-in is on, and ten
 * recovery codes are made, returned this once (only their hashes are kept).
 */
export async function confirmTwoFactor(actor: Actor, code: string, at: number = Date.now()): Promise<{ recoveryCodes: string[] }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpSecretSealed: true, totpEnabledAt: true } });
  if (user.totpEnabledAt || !user.totpSecretSealed) throw new AppError("CONFLICT", words("accountErrors.twoFactorNotStarted"));
  const step = totpStep(unseal(user.totpSecretSealed, "User.totpSecret"), code, at);
  if (step === null) throw new AppError("VALIDATION", undefined, { code: [words("accountErrors.totpWrong")] });
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction(async (tx) => {
    const on = await tx.user.updateMany({
      where: { id: actor.userId, totpEnabledAt: null, totpSecretSealed: user.totpSecretSealed },
      data: { totpEnabledAt: new Date(at), totpLastStep: step },
    });
    if (on.count !== 1) throw new AppError("CONFLICT");
    await tx.recoveryCode.deleteMany({ where: { userId: actor.userId } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((c) => ({ userId: actor.userId, codeHash: recoveryCodeHash(c) })) });
    await appendAudit(tx, { actorId: actor.userId, entityType: "User", entityId: actor.userId, action: "user.two_factor_enabled", data: {} });
  });
  return { recoveryCodes };
}
