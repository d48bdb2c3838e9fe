"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue, kept } from "@/components/ui/form-message";
import { publishConsentWordingAction } from "@/lib/consents/actions";

/** A new version of a consent's wording, in both languages, from a day not in the past. */
export function ConsentWordingForm({ kinds, today }: { kinds: { value: string; label: string }[]; today: string }) {
  const t = useTranslations("consentWordings.form");
  return (
    <ActionForm action={publishConsentWordingAction} className="form form--wide">
      {(state) => (
        <>
          <div className="grid">
            <Field id="kind" label={t("kind")} required errors={fieldErrors(state, "kind")}>
              {(aria) => (
                <select key={kept(state, "kind")} {...aria} name="kind" defaultValue={kept(state, "kind", kinds[0]?.value)}>
                  {kinds.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
                </select>
              )}
            </Field>
            <Field name="version" label={t("version")} hint={t("versionHint")} required maxLength={40} defaultValue={fieldValue(state, "version")} errors={fieldErrors(state, "version")} />
            <Field name="effectiveFrom" label={t("effectiveFrom")} type="date" min={today} required defaultValue={fieldValue(state, "effectiveFrom", today)} errors={fieldErrors(state, "effectiveFrom")} />
          </div>
          {(["textZh", "textEn"] as const).map((name) => (
            <Field key={name} id={name} label={t(name)} required errors={fieldErrors(state, name)}>
              {(aria) => <textarea {...aria} name={name} rows={6} defaultValue={kept(state, name)} />}
            </Field>
          ))}
          <SubmitButton>{t("submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
