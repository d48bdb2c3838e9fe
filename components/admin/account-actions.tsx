"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { disableAccountAction, enableAccountAction, forcePasswordResetAction, revokeSessionsAction, unlockAccountAction } from "@/lib/organisations/actions";

/** Per account: end its sessions now, unlock it, force a password reset, or disable / enable it. */
export function AccountActions({ userId, disabled }: { userId: string; disabled: boolean }) {
  const t = useTranslations("admin.accounts");
  return (
    <div className="actions">
      <ActionForm action={revokeSessionsAction} hidden={{ userId }} className="">
        {() => <SubmitButton variant="secondary">{t("revoke")}</SubmitButton>}
      </ActionForm>
      <ActionForm action={unlockAccountAction} hidden={{ userId }} className="">
        {() => <SubmitButton variant="secondary">{t("unlock")}</SubmitButton>}
      </ActionForm>
      <ActionForm action={forcePasswordResetAction} hidden={{ userId }} className="">
        {() => <SubmitButton variant="secondary">{t("forceReset")}</SubmitButton>}
      </ActionForm>
      <ActionForm action={disabled ? enableAccountAction : disableAccountAction} hidden={{ userId }} className="">
        {() => <SubmitButton variant={disabled ? "secondary" : "danger"}>{disabled ? t("enable") : t("disable")}</SubmitButton>}
      </ActionForm>
    </div>
  );
}
