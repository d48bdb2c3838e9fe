"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue, kept } from "@/components/ui/form-message";
import { createOrganisationAction, disableOrganisationAction, enableOrganisationAction, renameOrganisationAction } from "@/lib/organisations/actions";
import { ButtonForm } from "@/components/ui/button-form";

export type OrganisationRow = { id: string; version: number; nameZh: string; nameEn: string; disabled: boolean; centre: boolean };

/** A new district union, guarantee company or bank (or another centre office). */
export function CreateOrganisationForm({ types }: { types: { value: string; label: string }[] }) {
  const t = useTranslations("admin.organisationForm");
  return (
    <ActionForm action={createOrganisationAction} className="form form--wide">
      {(state) => (
        <>
          <div className="grid">
            <Field name="code" label={t("code")} hint={t("codeHint")} required defaultValue={kept(state, "code")} errors={fieldErrors(state, "code")} />
            <Field id="type" label={t("type")} required errors={fieldErrors(state, "type")}>
              {(aria) => (
                <select key={kept(state, "type")} {...aria} name="type" defaultValue={kept(state, "type")}>
                  <option value="">{t("choose")}</option>
                  {types.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </select>
              )}
            </Field>
            <Field name="nameZh" label={t("nameZh")} required defaultValue={kept(state, "nameZh")} errors={fieldErrors(state, "nameZh")} />
            <Field name="nameEn" label={t("nameEn")} required defaultValue={kept(state, "nameEn")} errors={fieldErrors(state, "nameEn")} />
          </div>
          <SubmitButton>{t("create")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Per organisation: rename it, disable or enable it (as last seen: `version`). */
export function OrganisationActions({ org }: { org: OrganisationRow }) {
  const t = useTranslations("admin.organisationForm");
  const hidden = { organisationId: org.id, version: org.version };
  return (
    <div className="actions">
      <details>
        <summary>{t("rename")}</summary>
        <ActionForm action={renameOrganisationAction} hidden={hidden}>
          {(state) => (
            <>
              <Field id={`${org.id}-nameZh`} label={t("nameZh")} required errors={fieldErrors(state, "nameZh")}>
                {(aria) => <input {...aria} name="nameZh" defaultValue={fieldValue(state, "nameZh", org.nameZh)} />}
              </Field>
              <Field id={`${org.id}-nameEn`} label={t("nameEn")} required errors={fieldErrors(state, "nameEn")}>
                {(aria) => <input {...aria} name="nameEn" defaultValue={fieldValue(state, "nameEn", org.nameEn)} />}
              </Field>
              <SubmitButton variant="secondary">{t("save")}</SubmitButton>
            </>
          )}
        </ActionForm>
      </details>
      {org.centre ? null : (
        <ButtonForm action={org.disabled ? enableOrganisationAction : disableOrganisationAction} hidden={hidden} variant={org.disabled ? "secondary" : "danger"} label={org.disabled ? t("enable") : t("disable")} />
      )}
    </div>
  );
}
