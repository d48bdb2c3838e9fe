"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { registerAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { FormMessage, fieldErrors, fieldValue } from "@/components/ui/form-message";

export function RegisterForm() {
  const t = useTranslations("auth");
  const common = useTranslations("common");
  const [state, action] = useActionState(registerAction, IDLE);
  const f = (name: string) => ({ defaultValue: fieldValue(state, name), errors: fieldErrors(state, name) });
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <Field name="displayName" label={t("displayName")} autoComplete="name" required {...f("displayName")} />
      <Field name="mobile" label={t("mobile")} inputMode="numeric" autoComplete="tel" required maxLength={11} {...f("mobile")} />
      <Field name="email" label={t("email")} type="email" autoComplete="email" {...f("email")} />
      <NewPasswordFields state={state} label={t("password")} />
      <SubmitButton>{common("register")}</SubmitButton>
    </form>
  );
}
