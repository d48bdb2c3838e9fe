"use client";
import { useTranslations } from "next-intl";
import { registerAction, requestRegistrationCodeAction } from "@/lib/auth/actions";
import { Field } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { MobileCodeFlow } from "@/components/auth/mobile-code-flow";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";

export function RegisterForm() {
  const t = useTranslations("auth");
  const common = useTranslations("common");
  return (
    <MobileCodeFlow request={requestRegistrationCodeAction} finish={registerAction} restartHref="/register"
      stepTitles={[t("registerStepMobile"), t("registerStepAccount")]} submitLabel={common("register")}>
      {(state) => (
        <>
          <Field name="displayName" label={t("displayName")} autoComplete="name" required
            defaultValue={fieldValue(state, "displayName")} errors={fieldErrors(state, "displayName")} />
          <Field name="email" label={t("email")} type="email" autoComplete="email"
            defaultValue={fieldValue(state, "email")} errors={fieldErrors(state, "email")} />
          <NewPasswordFields state={state} label={t("password")} />
        </>
      )}
    </MobileCodeFlow>
  );
}
