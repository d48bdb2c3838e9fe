import { z } from "zod";
import { isValidMobile } from "@/lib/validation/identity";

// Every message is a catalogue key (`validation.*`), worded by the action in the reader's language.

const CONTROL = /[\u0000-\u001f\u007f]/;

export const signInSchema = z.object({
  identifier: z.string().trim().min(1, "validation.signIn.identifierRequired").max(254, "validation.tooLong"),
  password: z.string().min(1, "validation.signIn.passwordRequired").max(200, "validation.tooLong"),
  code: z.string().trim().max(40, "validation.tooLong").optional().transform((v) => v || undefined),
  next: z.string().optional(),
});

const newPasswordField = z
  .string()
  .min(8, "validation.password.min")
  .max(128, "validation.password.max")
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), "validation.password.lettersAndDigits");

const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;

const mobileField = z.string().trim().refine(isValidMobile, "validation.mobile.mainland");
const smsCodeField = z.string().trim().regex(/^\d{6}$/, "validation.smsCode");

/** The first step of registration and of a reset by SMS: the number the code goes to. */
export const mobileCodeRequestSchema = z.object({ mobile: mobileField });

export const registerSchema = z
  .object({
    code: smsCodeField,
    displayName: z
      .string()
      .trim()
      .min(2, "validation.name.min")
      .max(40, "validation.name.max")
      .refine((v) => !CONTROL.test(v), "validation.name.control"),
    mobile: mobileField,
    email: z
      .string()
      .trim()
      .max(254, "validation.email.tooLong")
      .optional()
      .transform((v) => (v ? v.toLowerCase() : undefined))
      .refine((v) => v === undefined || z.email().safeParse(v).success, "validation.email.invalid"),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine(passwordsMatch, { path: ["confirmPassword"], message: "validation.password.mismatch" });

/** Setting a password through a one-time link (first administrator, invitation, reset). */
export const setPasswordSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "validation.linkToken"),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine(passwordsMatch, { path: ["confirmPassword"], message: "validation.password.mismatch" });

/** The signed-in person's own password change. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "validation.password.currentRequired").max(200, "validation.tooLong"),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine(passwordsMatch, { path: ["confirmPassword"], message: "validation.password.mismatch" })
  .refine((v) => v.password !== v.currentPassword, { path: ["password"], message: "validation.password.sameAsCurrent" });

/** "Forgot password" by SMS: the account's mobile number, the code sent to it, a new password. */
export const resetWithCodeSchema = z
  .object({ mobile: mobileField, code: smsCodeField, password: newPasswordField, confirmPassword: z.string() })
  .refine(passwordsMatch, { path: ["confirmPassword"], message: "validation.password.mismatch" });

/** "Forgot password": the account's e-mail address. */
export const forgotPasswordSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("validation.email.registered")),
});

export type RegisterInput = z.output<typeof registerSchema>;

/** A `next` path is followed only when it is a path on this site (no scheme, no //host). */
export const safeNextPath = (next: string | undefined | null): string | null =>
  next && /^\/(?![/\\])[\w\-/?=&%.]*$/.test(next) ? next : null;

/** The first code from the authenticator app, confirming two-factor set-up. */
export const twoFactorCodeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "validation.totpCode") });
