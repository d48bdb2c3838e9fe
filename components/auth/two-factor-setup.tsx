"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmTwoFactorAction, startTwoFactorAction, type TwoFactorConfirmState } from "@/lib/auth/actions";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage, fieldErrors } from "@/components/ui/form-message";

/** "Set up" button: a fresh secret for the app. */
export function StartTwoFactor() {
  const t = useTranslations("account.twoFactor");
  return <ActionForm action={startTwoFactorAction}>{() => <SubmitButton>{t("start")}</SubmitButton>}</ActionForm>;
}

/** The first code from the app; once on, the recovery codes, shown this once. */
export function ConfirmTwoFactor({ home }: { home: string }) {
  const t = useTranslations("account.twoFactor");
  const [state, action] = useActionState(confirmTwoFactorAction, IDLE as TwoFactorConfirmState);
  if (state.status === "enabled") {
    return (
      <div data-testid="recovery-codes">
        <p className="notice notice--success" role="status">{t("enabled")}</p>
        <ul className="recovery-codes">{state.recoveryCodes.map((c) => <li key={c}><code>{c}</code></li>)}</ul>
        <Link href={home} className="btn btn--primary">{t("continue")}</Link>
      </div>
    );
  }
  const shown = state as ActionState;
  return (
    <form action={action} className="form" noValidate>
      <FormMessage state={shown} />
      <Field name="code" label={t("code")} inputMode="numeric" autoComplete="one-time-code" required maxLength={6} errors={fieldErrors(shown, "code")} />
      <SubmitButton>{t("confirm")}</SubmitButton>
    </form>
  );
}
