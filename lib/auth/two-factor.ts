import { createHash, randomBytes } from "node:crypto";
import * as OTPAuth from "otpauth";
import zhCN from "@/lib/i18n/messages/zh-CN.json" with { type: "json" };

// Time-based one-time passwords (RFC 6238, what authenticator apps show) for staff sign-in, and
// the recovery codes that stand in for a lost phone. Pure: the services store and spend them.

// The name authenticator apps list the account under: the brand, as the programme writes it.
const ISSUER = zhCN.common.brand;
const PERIOD_SECONDS = 30;

const totpFor = (secret: string, label = "") =>
  new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD_SECONDS, secret: OTPAuth.Secret.fromBase32(secret) });

/** A fresh random secret (160 bits, Base32, as authenticator apps take it). */
export const newTotpSecret = (): string => new OTPAuth.Secret({ size: 20 }).base32;

/** The otpauth:// address an authenticator app scans from the QR code. */
export const totpUri = (secret: string, account: string): string => totpFor(secret, account).toString();

/** The code for a moment (tests and the enrolment check use it). */
export const totpCode = (secret: string, at: number = Date.now()): string => totpFor(secret).generate({ timestamp: at });

/**
 * The time step a code belongs to when it is valid now (one step of clock drift either way), or
 * null. Callers refuse a step not newer than the last one used, so a code works once.
 */
export function totpStep(secret: string, code: string, at: number = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secret).validate({ token: code, timestamp: at, window: 1 });
  return delta === null ? null : Math.floor(at / 1000 / PERIOD_SECONDS) + delta;
}

/**
 * Ten single-use recovery codes (xxxxx-xxxxx-xxxxx-xxxxx: 80 random bits, far beyond guessing even
 * from a copy of the hashes), shown once; only their hashes are kept.
 */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => randomBytes(10).toString("hex").match(/.{5}/g)!.join("-"));
}

export const recoveryCodeHash = (code: string): string =>
  createHash("sha256").update(code.trim().toLowerCase().replace(/[^0-9a-f]/g, "")).digest("hex");
