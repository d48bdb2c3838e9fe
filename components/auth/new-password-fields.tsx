"use client";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { fieldErrors } from "@/components/ui/form-message";

/** A new password and its confirmation (never echoed back), as registration and the password forms ask for them. */
export function NewPasswordFields({ state, label }: { state: ActionState; label: string }) {
  const t = useTranslations("auth");
  return (
    <>
      <Field name="password" label={label} type="password" autoComplete="new-password" required
        hint={t("passwordHint")} errors={fieldErrors(state, "password")} />
      <Field name="confirmPassword" label={t("confirmPassword")} type="password" autoComplete="new-password" required
        errors={fieldErrors(state, "confirmPassword")} />
    </>
  );
}
