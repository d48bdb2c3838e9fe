"use client";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { autosaveDraftAction, saveProfileAction } from "@/lib/applications/actions";
import type { DraftDto } from "@/lib/applications/autosave-state";
import { AutosaveStatus } from "@/components/applications/autosave-status";
import { useAutosave } from "@/components/applications/use-autosave";

export type ProfileDefaults = { fullName: string; idNumber: string; mobile: string; unionName: string; memberCardNo: string; targetGroupCode: string };

const IDENTITY = { draftForm: "PROFILE", draftRecord: "" };

/** The applicant's profile, kept as a draft while typed; `draft` is what was kept last time. */
export function ProfileForm({ defaults, groups, draft }: { defaults: ProfileDefaults; groups: { code: string; nameZh: string }[]; draft?: DraftDto | null }) {
  const t = useTranslations("applicant.profileForm");
  const identity = useMemo(() => IDENTITY, []);
  const autosave = useAutosave(autosaveDraftAction, identity, draft ?? undefined);
  const typed = (name: keyof ProfileDefaults) => draft?.fields[name] ?? defaults[name];
  return (
    <ActionForm action={saveProfileAction} onChange={autosave.onChange} onSubmit={autosave.onSubmit}>
      {(state) => {
        const errors = (name: string) => autosave.errorsFor(fieldErrors(state, name), name);
        const f = (name: keyof ProfileDefaults) => ({ defaultValue: fieldValue(state, name, typed(name)), errors: errors(name) });
        return (
          <>
            <Field name="fullName" label={t("fullName")} required autoComplete="name" {...f("fullName")} />
            <Field name="idNumber" label={t("idNumber")} required maxLength={18} autoComplete="off" hint={t("idNumberHint")} {...f("idNumber")} />
            <Field name="mobile" label={t("mobile")} required inputMode="numeric" maxLength={11} {...f("mobile")} />
            <Field name="unionName" label={t("unionName")} required {...f("unionName")} />
            <Field name="memberCardNo" label={t("memberCardNo")} required {...f("memberCardNo")} />
            <Field name="targetGroupCode" label={t("targetGroup")} errors={errors("targetGroupCode")}>
              {(control) => (
                // Keyed on the value: React does not re-apply a changed defaultValue to a mounted select.
                <select key={fieldValue(state, "targetGroupCode", typed("targetGroupCode"))} {...control} name="targetGroupCode" defaultValue={fieldValue(state, "targetGroupCode", typed("targetGroupCode"))}>
                  <option value="">{t("noTargetGroup")}</option>
                  {groups.map((g) => <option key={g.code} value={g.code}>{g.nameZh}</option>)}
                </select>
              )}
            </Field>
            <SubmitButton>{t("submit")}</SubmitButton>
            <AutosaveStatus view={autosave.view} hintCount={Object.keys(autosave.hints).length} />
          </>
        );
      }}
    </ActionForm>
  );
}
