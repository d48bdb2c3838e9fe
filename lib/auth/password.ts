import { hash, verify } from "@node-rs/argon2";
import pLimit from "p-limit";

// argon2id with the library's defaults (19 MiB, t=2), the OWASP minimum.
export const hashPassword = (password: string): Promise<string> => hash(password);

// Each check holds 19 MiB for tens of milliseconds: at most a few run at once, and beyond a
// bounded queue further attempts are refused at once (reported as a failed sign-in) instead of
// piling up in memory.
const MAX_CONCURRENT_CHECKS = 2;
const MAX_WAITING_CHECKS = 32;
const checks = pLimit(MAX_CONCURRENT_CHECKS);

/** Thrown when too many password checks are already waiting. */
export class PasswordCheckBusy extends Error {}

// Verifying against a fixed hash when the account does not exist costs the same time as a
// real check, so response time does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (checks.pendingCount >= MAX_WAITING_CHECKS) throw new PasswordCheckBusy("too many password checks waiting");
  return checks(async () => {
    if (!passwordHash) {
      dummyHash ??= hash("not-a-real-password");
      await verify(await dummyHash, password).catch(() => false);
      return false;
    }
    return verify(passwordHash, password).catch(() => false);
  });
}
