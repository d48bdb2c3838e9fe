"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { setPasswordAction } from "@/lib/auth/actions";
import { IDLE } from "@/lib/actions/state";
import { SubmitButton } from "@/components/ui/submit-button";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { FormMessage } from "@/components/ui/form-message";

export function SetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(setPasswordAction, IDLE);
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields state={state} label={t("newPassword")} />
      <SubmitButton>{t("setPassword")}</SubmitButton>
    </form>
  );
}
