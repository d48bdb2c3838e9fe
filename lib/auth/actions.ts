"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn, signOut } from "@/lib/auth/config";
import { registerSchema, safeNextPath, signInSchema } from "@/lib/auth/schemas";
import { registerApplicant } from "@/lib/auth/services/register-applicant";
import { echoFields, formAction, formDataObject } from "@/lib/actions/safe-action";
import type { ActionState } from "@/lib/actions/state";

export async function clientIp(): Promise<string | null> {
  const h = await headers();
  return h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip") ?? null;
}

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations();
  const fields = echoFields(formData);
  const parsed = signInSchema.safeParse(formDataObject(formData));
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { status: "error", message: t("errors.VALIDATION"), fieldErrors, fields };
  }
  const next = safeNextPath(parsed.data.next);
  try {
    await signIn("credentials", {
      identifier: parsed.data.identifier,
      password: parsed.data.password,
      redirectTo: next ? `/start?next=${encodeURIComponent(next)}` : "/start",
    });
  } catch (error) {
    // Unknown account and wrong password get the same answer.
    if (error instanceof AuthError) return { status: "error", message: t("auth.badCredentials"), fields };
    throw error;
  }
  return { status: "success", message: "", fields };
}

export const registerAction = formAction({
  schema: registerSchema,
  anonymous: true,
  run: async (input) => {
    await registerApplicant(input, await clientIp());
    return input;
  },
  success: async () => (await getTranslations("auth"))("registered"),
  after: async (input) => {
    await signIn("credentials", { identifier: input.mobile, password: input.password, redirectTo: "/applicant" });
  },
});

export async function signOutAction(): Promise<void> {
  await signOut({ redirect: false });
  redirect("/login");
}
