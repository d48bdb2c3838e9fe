"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signInAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage, fieldErrors, fieldValue } from "@/components/ui/form-message";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(signInAction, IDLE);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next ?? ""} />
      <Field name="identifier" label={t("identifier")} autoComplete="username" required
        defaultValue={fieldValue(state, "identifier")} errors={fieldErrors(state, "identifier")} />
      <Field name="password" label={t("password")} type="password" autoComplete="current-password" required
        errors={fieldErrors(state, "password")} />
      <Field name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" hint={t("codeHint")}
        errors={fieldErrors(state, "code")} />
      <SubmitButton>{useTranslations("common")("signIn")}</SubmitButton>
    </form>
  );
}
