"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { changePasswordAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";

export function ChangePasswordForm() {
  const t = useTranslations("account");
  const auth = useTranslations("auth");
  const [state, action] = useActionState(changePasswordAction, IDLE);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label={t("currentPassword")} type="password" autoComplete="current-password" required
        errors={fieldErrors(state, "currentPassword")} />
      <NewPasswordFields state={state} label={auth("newPassword")} />
      <SubmitButton>{t("changePassword")}</SubmitButton>
    </form>
  );
}
