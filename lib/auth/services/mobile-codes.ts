import "server-only";
import { randomInt, randomUUID, timingSafeEqual } from "node:crypto";
import type { MobileCodePurpose } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { words } from "@/lib/i18n/words";
import { keyedDigest, mobileLookup } from "@/lib/personal-data/sealed";
import { queueSms } from "@/lib/notifications/sms-outbox";
import { programmeTranslator } from "@/lib/i18n/translator";

// One-time codes by SMS: a new applicant proves the mobile number is theirs; an applicant who
// forgot the password proves the account is theirs. Whatever the number, the caller gets the same
// answer and the same row is written (a code for an unknown account is simply never sent), so the
// form cannot be used to learn who has an account. Codes are limited per number and per address.

export const CODE_MINUTES = 10;
export const MAX_ATTEMPTS = 5;
export const LIMITS = { resendMs: 60_000, perMobileHour: 5, perAddressHour: 20 } as const;
const HOUR_MS = 3_600_000;

const codeDigest = (id: string, code: string): string => keyedDigest("mobile-code", `${id}:${code}`);

/** Sends (or, for an account that must not get one, pretends to send) a code for `purpose`. */
export async function sendMobileCode(purpose: MobileCodePurpose, mobile: string, address: string | null, now: Date = new Date()): Promise<void> {
  const t = programmeTranslator("sms");
  const { mobileIndex } = mobileLookup(mobile);
  const addressKey = address ? keyedDigest("address", address) : null;
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const [recent, fromAddress] = await Promise.all([
    db.mobileCode.findMany({ where: { mobileIndex, createdAt: { gt: hourAgo } }, select: { createdAt: true } }),
    addressKey ? db.mobileCode.count({ where: { addressKey, createdAt: { gt: hourAgo } } }) : 0,
  ]);
  const tooSoon = recent.some((r) => now.getTime() - r.createdAt.getTime() < LIMITS.resendMs);
  if (tooSoon || recent.length >= LIMITS.perMobileHour || fromAddress >= LIMITS.perAddressHour) {
    throw new AppError("QUOTA_EXCEEDED", words("auth.tooManyCodes"));
  }
  const user = await db.user.findUnique({ where: { mobileIndex }, select: { disabledAt: true } });
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const id = randomUUID();
  await db.$transaction(async (tx) => {
    await tx.mobileCode.create({
      data: { id, purpose, mobileIndex, codeHash: codeDigest(id, code), addressKey, expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000), createdAt: now },
    });
    if (purpose === "REGISTER") {
      await queueSms(tx, mobile, user ? t("alreadyRegistered") : t("registerCode", { code, minutes: CODE_MINUTES }));
    } else if (user && !user.disabledAt) {
      await queueSms(tx, mobile, t("resetCode", { code, minutes: CODE_MINUTES }));
    }
  });
}

/**
 * Spends the newest live code for the number and purpose when `code` is it. A wrong code counts
 * against the code and five spend it; of two uses of the right one at once, one wins.
 */
export async function spendMobileCode(purpose: MobileCodePurpose, mobile: string, code: string, now: Date = new Date()): Promise<boolean> {
  const { mobileIndex } = mobileLookup(mobile);
  const live = await db.mobileCode.findFirst({
    where: { mobileIndex, purpose, usedAt: null, expiresAt: { gt: now }, attempts: { lt: MAX_ATTEMPTS } },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, attempts: true },
  });
  if (!live) return false;
  const given = Buffer.from(codeDigest(live.id, code.trim()));
  const kept = Buffer.from(live.codeHash);
  if (given.length !== kept.length || !timingSafeEqual(given, kept)) {
    await db.mobileCode.updateMany({ where: { id: live.id, attempts: live.attempts }, data: { attempts: { increment: 1 } } });
    return false;
  }
  const spent = await db.mobileCode.updateMany({ where: { id: live.id, usedAt: null }, data: { usedAt: now } });
  return spent.count === 1;
}

/** The one refusal for a wrong, used, expired or unknown code. */
export const codeRefused = (): AppError =>
  new AppError("VALIDATION", undefined, { code: [words("auth.codeWrong")] });
