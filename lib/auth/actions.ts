"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { words } from "@/lib/i18n/words";
import { signIn, signOut } from "@/lib/auth/config";
import { changePasswordSchema, forgotPasswordSchema, mobileCodeRequestSchema, registerSchema, resetWithCodeSchema, safeNextPath, setPasswordSchema, signInSchema, twoFactorCodeSchema } from "@/lib/auth/schemas";
import { confirmTwoFactor, startTwoFactor } from "@/lib/auth/services/two-factor";
import { requestPasswordReset } from "@/lib/auth/services/request-password-reset";
import { requestOrigin } from "@/lib/http/request-origin";
import { changePassword } from "@/lib/auth/services/change-password";
import { setPasswordWithLink } from "@/lib/auth/services/password-links";
import { registerApplicant } from "@/lib/auth/services/register-applicant";
import { sendMobileCode } from "@/lib/auth/services/mobile-codes";
import { resetPasswordWithCode } from "@/lib/auth/services/reset-with-code";
import { maskMobile } from "@/lib/validation/identity";
import { endSession } from "@/lib/auth/session-state";
import { clientIp } from "@/lib/auth/client-ip";
import { echoFields, errorState, formDataObject, guardedAction, publicAction, signedInAction, errorMessage, validationState, zodFieldErrors } from "@/lib/actions/safe-action";
import { rootTranslator } from "@/lib/i18n/reader";
import { publicAudience, signedInAudience } from "@/lib/actions/audience";
import type { ActionState } from "@/lib/actions/state";

export const signInAction = guardedAction(
  publicAudience,
  async (code): Promise<ActionState> => ({ status: "error", code, message: await errorMessage(code) }),
  async (_actor, _prev: ActionState, formData: FormData): Promise<ActionState> => {
    const t = await getTranslations();
    const fields = echoFields(formData);
    const parsed = signInSchema.safeParse(formDataObject(formData));
    if (!parsed.success) return { status: "error", fields, ...validationState(await rootTranslator(), zodFieldErrors(parsed.error)) };
    const next = safeNextPath(parsed.data.next);
    try {
      await signIn("credentials", {
        identifier: parsed.data.identifier,
        password: parsed.data.password,
        ...(parsed.data.code ? { code: parsed.data.code } : {}),
        redirectTo: next ? `/start?next=${encodeURIComponent(next)}` : "/start",
      });
    } catch (error) {
      // Unknown account and wrong password get the same answer.
      if (error instanceof AuthError) return { status: "error", message: t("auth.badCredentials"), fields };
      throw error;
    }
    return { status: "success", message: "", fields };
  },
);

/** Registration, step one: a code to the number (or, for a registered number, a notice). */
export const requestRegistrationCodeAction = publicAction({
  schema: mobileCodeRequestSchema,
  run: async (input) => {
    await sendMobileCode("REGISTER", input.mobile, await clientIp());
    return input;
  },
  success: (input) => words("auth.codeSent", { mobile: maskMobile(input.mobile) }),
});

export const registerAction = publicAction({
  schema: registerSchema,
  run: async (input) => {
    await registerApplicant(input, await clientIp());
    return input;
  },
  success: () => words("auth.registered"),
  after: async (input) => {
    await signIn("credentials", { identifier: input.mobile, password: input.password, redirectTo: "/applicant" });
  },
});

/**
 * Ends the session on the server as well as in the browser: the account's session version moves
 * on, so a copy of the cookie taken before signing out no longer works anywhere.
 */
export const signOutAction = guardedAction(publicAudience, () => undefined, async (actor): Promise<void> => {
  if (actor) await endSession(actor.userId);
  await signOut({ redirect: false });
  redirect("/login");
});

/** A one-time link's form: sets the password, spends the link, and sends the person to sign in. */
export const setPasswordAction = publicAction({
  schema: setPasswordSchema,
  run: (input) => setPasswordWithLink(input.token, input.password),
  success: () => words("auth.passwordSet"),
  after: () => redirect("/login?passwordSet=1"),
});

/** The signed-in person's own password; every session ends, so they sign in again with it. */
export const changePasswordAction = signedInAction({
  schema: changePasswordSchema,
  run: (input, actor) => changePassword(actor, input),
  success: () => words("account.passwordChanged"),
  after: async () => {
    await signOut({ redirect: false });
    redirect("/login?passwordSet=1");
  },
});


/** "Forgot password" by SMS, step one: the same answer whether or not the number has an account. */
export const requestResetCodeAction = publicAction({
  schema: mobileCodeRequestSchema,
  run: async (input) => {
    await sendMobileCode("RESET", input.mobile, await clientIp());
    return input;
  },
  success: (input) => words("auth.codeSentReset", { mobile: maskMobile(input.mobile) }),
});

/** "Forgot password" by SMS, step two: the code and a new password; then sign in with it. */
export const resetWithCodeAction = publicAction({
  schema: resetWithCodeSchema,
  run: (input) => resetPasswordWithCode(input),
  success: () => words("auth.passwordSet"),
  after: () => redirect("/login?passwordSet=1"),
});

/** "Forgot password": one answer whether or not the address has an account. */
export const forgotPasswordAction = publicAction({
  schema: forgotPasswordSchema,
  run: async (input) => requestPasswordReset(input.email, await requestOrigin()),
  success: () => words("auth.resetSent"),
});

/** Starts two-factor set-up: the account page then shows the QR code for the app. */
export const startTwoFactorAction = signedInAction({
  schema: z.object({}),
  run: (_input, actor) => startTwoFactor(actor),
  success: () => words("account.twoFactor.started"),
  after: () => revalidatePath("/account/two-factor"),
});

export type TwoFactorConfirmState = ActionState | { status: "enabled"; recoveryCodes: string[] };

/** The first code from the app turns two-factor on; the recovery codes are shown this once. */
export const confirmTwoFactorAction = guardedAction(
  signedInAudience,
  async (code): Promise<TwoFactorConfirmState> => ({ status: "error", code, message: await errorMessage(code) }),
  async (actor, _prev: TwoFactorConfirmState, formData: FormData): Promise<TwoFactorConfirmState> => {
    const parsed = twoFactorCodeSchema.safeParse(formDataObject(formData));
    if (!parsed.success) return { status: "error", ...validationState(await rootTranslator(), { code: parsed.error.issues.map((i) => i.message) }) };
    try {
      return { status: "enabled", ...(await confirmTwoFactor(actor, parsed.data.code)) };
    } catch (error) {
      return { status: "error", ...(await errorState(error)) };
    }
  },
);
