import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { readKeyring, type DataKeyring } from "@/lib/personal-data/keys";

// Personal data at rest: ID numbers, mobile numbers, bank accounts and two-factor secrets are
// stored sealed with AES-256-GCM under the current data key, as "keyId.iv.ciphertext+tag"
// (base64url). The field's name is the additional authenticated data, so a value copied into
// another column (or another row's column of a different kind) does not open. Look-ups by value
// (sign-in by mobile) go through a keyed blind index: HMAC-SHA256 under BLIND_INDEX_KEY.

export type SealedField = "User.mobile" | "User.totpSecret" | "ApplicantProfile.idNumber" | "ApplicantProfile.mobile" | "Loan.accountNo" | "OutboxSms.to" | "OutboxSms.body" | "CaseSnapshot.payload" | "FormDraft.fields" | "HotlineCall.callerMobile" | "DocumentReading.proposals";

const IV_BYTES = 12;
const TAG_BYTES = 16;

let keyring: DataKeyring | null = null;
const keys = (): DataKeyring => (keyring ??= readKeyring(env));

export function seal(value: string, field: SealedField, ring: DataKeyring = keys()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, iv).setAAD(Buffer.from(field));
  const body = Buffer.concat([cipher.update(value, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${ring.current.id}.${iv.toString("base64url")}.${body.toString("base64url")}`;
}

export function unseal(sealed: string, field: SealedField, ring: DataKeyring = keys()): string {
  const [id, iv, body] = sealed.split(".");
  const key = id ? ring.byId.get(id) : undefined;
  if (!key || !iv || !body) throw new Error(`${field}: sealed with key "${id}", which is not in DATA_KEYS`);
  const bytes = Buffer.from(body, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url")).setAAD(Buffer.from(field));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** `unseal` for optional columns. */
export const unsealOptional = (sealed: string | null | undefined, field: SealedField): string | null =>
  sealed ? unseal(sealed, field) : null;

/** The key id a sealed value was made with (rotation re-seals values not under the current key). */
export const sealedKeyId = (sealed: string): string => sealed.slice(0, sealed.indexOf("."));

export const currentKeyId = (ring: DataKeyring = keys()): string => ring.current.id;

/** The keyed look-up value of a field's value: equal values give equal indexes, nothing else can be read from it. */
export function blindIndex(value: string, field: SealedField, ring: DataKeyring = keys()): string {
  return createHmac("sha256", ring.blindIndexKey).update(`${field}\u0000${value}`).digest("base64url");
}

/** The sealed columns and blind index of a mobile number that signs in. */
export const userMobileColumns = (mobile: string) => ({
  mobileSealed: seal(mobile, "User.mobile"),
  mobileIndex: blindIndex(mobile, "User.mobile"),
});

/** The sealed columns and look-up index of a hotline caller's mobile number. */
export const callerMobileColumns = (mobile: string) => ({
  callerMobileSealed: seal(mobile, "HotlineCall.callerMobile"),
  callerMobileIndex: blindIndex(mobile, "HotlineCall.callerMobile"),
});

/** Where-clause value for finding an account by mobile number. */
export const mobileLookup = (mobile: string) => ({ mobileIndex: blindIndex(mobile.trim(), "User.mobile") });

/** The sealed columns of an applicant profile's ID number and contact mobile. */
export const profileColumns = (p: { idNumber: string; mobile: string }) => ({
  idNumberSealed: seal(p.idNumber, "ApplicantProfile.idNumber"),
  idNumberIndex: blindIndex(p.idNumber, "ApplicantProfile.idNumber"),
  mobileSealed: seal(p.mobile, "ApplicantProfile.mobile"),
});

/** A profile's ID number and contact mobile, opened. */
export const openedProfile = (p: { idNumberSealed: string; mobileSealed: string }) => ({
  idNumber: unseal(p.idNumberSealed, "ApplicantProfile.idNumber"),
  mobile: unseal(p.mobileSealed, "ApplicantProfile.mobile"),
});

/** A keyed digest for values the portal must recognise but never read back (one-time codes, client addresses). */
export const keyedDigest = (purpose: string, value: string, ring: DataKeyring = keys()): string =>
  createHmac("sha256", ring.blindIndexKey).update(`${purpose}\u0000${value}`).digest("base64url");
