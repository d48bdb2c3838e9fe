import { z } from "zod";
import { isValidMobile } from "@/lib/validation/identity";

const CONTROL = /[\u0000-\u001f\u007f]/;

export const signInSchema = z.object({
  identifier: z.string().trim().min(1, "请输入手机号或电子邮箱").max(254, "内容过长"),
  password: z.string().min(1, "请输入密码").max(200, "内容过长"),
  code: z.string().trim().max(40, "内容过长").optional().transform((v) => v || undefined),
  next: z.string().optional(),
});

const newPasswordField = z
  .string()
  .min(8, "密码至少 8 位")
  .max(128, "密码不能超过 128 位")
  .refine((v) => /[A-Za-z]/.test(v) && /\d/.test(v), "密码需同时包含字母和数字");

const passwordsMatch = (v: { password: string; confirmPassword: string }) => v.password === v.confirmPassword;

const mobileField = z.string().trim().refine(isValidMobile, "请输入 11 位中国大陆手机号码");
const smsCodeField = z.string().trim().regex(/^\d{6}$/, "请输入短信中的 6 位验证码");

/** The first step of registration and of a reset by SMS: the number the code goes to. */
export const mobileCodeRequestSchema = z.object({ mobile: mobileField });

export const registerSchema = z
  .object({
    code: smsCodeField,
    displayName: z
      .string()
      .trim()
      .min(2, "请输入姓名（至少 2 个字）")
      .max(40, "姓名不能超过 40 个字")
      .refine((v) => !CONTROL.test(v), "姓名含有不允许的字符"),
    mobile: mobileField,
    email: z
      .string()
      .trim()
      .max(254, "电子邮箱过长")
      .optional()
      .transform((v) => (v ? v.toLowerCase() : undefined))
      .refine((v) => v === undefined || z.email().safeParse(v).success, "电子邮箱格式不正确"),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine(passwordsMatch, { path: ["confirmPassword"], message: "两次输入的密码不一致" });

/** Setting a password through a one-time link (first administrator, invitation, reset). */
export const setPasswordSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "链接不完整，请从邮件中重新打开"),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine(passwordsMatch, { path: ["confirmPassword"], message: "两次输入的密码不一致" });

/** The signed-in person's own password change. */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "请输入当前密码").max(200, "内容过长"),
    password: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine(passwordsMatch, { path: ["confirmPassword"], message: "两次输入的密码不一致" })
  .refine((v) => v.password !== v.currentPassword, { path: ["password"], message: "新密码不能与当前密码相同" });

/** "Forgot password" by SMS: the account's mobile number, the code sent to it, a new password. */
export const resetWithCodeSchema = z
  .object({ mobile: mobileField, code: smsCodeField, password: newPasswordField, confirmPassword: z.string() })
  .refine(passwordsMatch, { path: ["confirmPassword"], message: "两次输入的密码不一致" });

/** "Forgot password": the account's e-mail address. */
export const forgotPasswordSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("请输入注册时使用的电子邮箱")),
});

export type RegisterInput = z.output<typeof registerSchema>;

/** A `next` path is followed only when it is a path on this site (no scheme, no //host). */
export const safeNextPath = (next: string | undefined | null): string | null =>
  next && /^\/(?![/\\])[\w\-/?=&%.]*$/.test(next) ? next : null;

/** The first code from the authenticator app, confirming two-factor set-up. */
export const twoFactorCodeSchema = z.object({ code: z.string().trim().regex(/^\d{6}$/, "请输入应用中显示的 6 位数字") });
