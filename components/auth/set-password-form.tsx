"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(setPasswordAction, IDLE);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="password" label={t("newPassword")} type="password" autoComplete="new-password" required
        hint={t("passwordHint")} errors={fieldErrors(state, "password")} />
      <Field name="confirmPassword" label={t("confirmPassword")} type="password" autoComplete="new-password" required
        errors={fieldErrors(state, "confirmPassword")} />
      <SubmitButton>{t("setPassword")}</SubmitButton>
    </form>
  );
}
