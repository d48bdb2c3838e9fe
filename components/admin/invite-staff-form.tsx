"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { inviteStaffAction } from "@/lib/organisations/actions";

export type InviteOption = { value: string; label: string };

/** Inviting a staff member: the e-mail carries their one-time link to set a password. */
export function InviteStaffForm({ organisations, roles }: { organisations: InviteOption[]; roles: InviteOption[] }) {
  const t = useTranslations("admin.invite");
  return (
    <ActionForm action={inviteStaffAction} className="form form--wide">
      {(state) => {
        const f = (name: string) => ({ defaultValue: fieldValue(state, name), errors: fieldErrors(state, name) });
        // Keyed by the kept value: a select only takes a new default when it mounts again.
        const select = (name: string, options: InviteOption[]) => (
          <Field id={name} label={t(name)} required errors={fieldErrors(state, name)}>
            {(aria) => (
              <select key={fieldValue(state, name)} {...aria} name={name} defaultValue={fieldValue(state, name)}>
                <option value="">{t("choose")}</option>
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )}
          </Field>
        );
        return (
          <>
            <div className="grid">
              <Field name="email" label={t("email")} type="email" autoComplete="off" required {...f("email")} />
              <Field name="displayName" label={t("displayName")} required {...f("displayName")} />
              {select("organisationId", organisations)}
              {select("role", roles)}
            </div>
            <SubmitButton>{t("submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
