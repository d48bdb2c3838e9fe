"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { saveProfileAction } from "@/lib/applications/actions";

export type ProfileDefaults = { fullName: string; idNumber: string; mobile: string; unionName: string; memberCardNo: string; targetGroupCode: string };

export function ProfileForm({ defaults, groups }: { defaults: ProfileDefaults; groups: { code: string; nameZh: string }[] }) {
  const t = useTranslations("applicant.profileForm");
  return (
    <ActionForm action={saveProfileAction}>
      {(state) => {
        const f = (name: keyof ProfileDefaults) => ({ defaultValue: fieldValue(state, name, defaults[name]), errors: fieldErrors(state, name) });
        return (
          <>
            <Field name="fullName" label={t("fullName")} required autoComplete="name" {...f("fullName")} />
            <Field name="idNumber" label={t("idNumber")} required maxLength={18} autoComplete="off" hint={t("idNumberHint")} {...f("idNumber")} />
            <Field name="mobile" label={t("mobile")} required inputMode="numeric" maxLength={11} {...f("mobile")} />
            <Field name="unionName" label={t("unionName")} required {...f("unionName")} />
            <Field name="memberCardNo" label={t("memberCardNo")} required {...f("memberCardNo")} />
            <Field name="targetGroupCode" label={t("targetGroup")} errors={fieldErrors(state, "targetGroupCode")}>
              {/* Keyed on the value: React does not re-apply a changed defaultValue to a mounted select. */}
              <select key={fieldValue(state, "targetGroupCode", defaults.targetGroupCode)} id="targetGroupCode" name="targetGroupCode" defaultValue={fieldValue(state, "targetGroupCode", defaults.targetGroupCode)}>
                <option value="">{t("noTargetGroup")}</option>
                {groups.map((g) => <option key={g.code} value={g.code}>{g.nameZh}</option>)}
              </select>
            </Field>
            <SubmitButton>{t("submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
