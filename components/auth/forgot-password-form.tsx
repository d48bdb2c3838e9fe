"use client";
import { useTranslations } from "next-intl";
import { forgotPasswordAction } from "@/lib/auth/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  return (
    <ActionForm action={forgotPasswordAction}>
      {(state) => (
        <>
          <Field name="email" label={t("resetEmail")} type="email" autoComplete="email" required
            defaultValue={fieldValue(state, "email")} errors={fieldErrors(state, "email")} />
          <SubmitButton>{t("sendReset")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
