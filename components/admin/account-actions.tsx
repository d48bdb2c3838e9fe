"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeRoleAction, disableAccountAction, enableAccountAction, forcePasswordResetAction, revokeSessionsAction, unlockAccountAction } from "@/lib/organisations/actions";
import { ButtonForm } from "@/components/ui/button-form";

/** Per account: end its sessions now, unlock it, force a password reset, or disable / enable it. */
export function AccountActions({ userId, disabled, role, roles }: {
  userId: string;
  disabled: boolean;
  role: string;
  /** The roles that fit the account's organisation (never the administrator role). */
  roles: { value: string; label: string }[];
}) {
  const t = useTranslations("admin.accounts");
  return (
    <div className="actions">
      {roles.length > 1 ? (
        <ActionForm action={changeRoleAction} hidden={{ userId }} className="actions">
          {() => (
            <>
              <select name="role" defaultValue={role} aria-label={t("newRole")}>
                {roles.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
              </select>
              <SubmitButton variant="secondary">{t("changeRole")}</SubmitButton>
            </>
          )}
        </ActionForm>
      ) : null}
      <ButtonForm action={revokeSessionsAction} hidden={{ userId }} label={t("revoke")} />
      <ButtonForm action={unlockAccountAction} hidden={{ userId }} label={t("unlock")} />
      <ButtonForm action={forcePasswordResetAction} hidden={{ userId }} label={t("forceReset")} />
      <ButtonForm action={disabled ? enableAccountAction : disableAccountAction} hidden={{ userId }} variant={disabled ? "secondary" : "danger"} label={disabled ? t("enable") : t("disable")} />
    </div>
  );
}
