"use client";
import { useTranslations } from "next-intl";
import { forgotPasswordAction, requestResetCodeAction, resetWithCodeAction } from "@/lib/auth/actions";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { MobileCodeFlow } from "@/components/auth/mobile-code-flow";

export function ForgotPasswordForm() {
  const t = useTranslations("auth");
  return (
    <>
      <h2>{t("forgotByMobile")}</h2>
      <MobileCodeFlow request={requestResetCodeAction} finish={resetWithCodeAction} restartHref="/forgot-password" submitLabel={t("resetWithCode")}>
        {(state) => <NewPasswordFields state={state} label={t("newPassword")} />}
      </MobileCodeFlow>
      <h2>{t("forgotByEmail")}</h2>
      <ActionForm action={forgotPasswordAction}>
        {(state) => (
          <>
            <Field name="email" label={t("resetEmail")} type="email" autoComplete="email" required
              defaultValue={fieldValue(state, "email")} errors={fieldErrors(state, "email")} />
            <SubmitButton>{t("sendReset")}</SubmitButton>
          </>
        )}
      </ActionForm>
    </>
  );
}
