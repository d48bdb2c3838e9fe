"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { recordStandingAction } from "@/lib/unions/actions";

/** Recording a member's good standing in an enterprise's union. */
export function StandingForm() {
  const t = useTranslations("unions.form");
  return (
    <ActionForm action={recordStandingAction} className="form form--wide">
      {(state) => {
        const f = (name: string) => ({ defaultValue: fieldValue(state, name), errors: fieldErrors(state, name) });
        return (
          <>
            <div className="grid">
              <Field name="creditCode" label={t("creditCode")} required maxLength={18} autoComplete="off" {...f("creditCode")} />
              <Field name="unionName" label={t("unionName")} required {...f("unionName")} />
              <Field name="memberCardNo" label={t("memberCardNo")} required {...f("memberCardNo")} />
              <Field name="validFrom" label={t("validFrom")} type="date" required {...f("validFrom")} />
              <Field name="validTo" label={t("validTo")} type="date" hint={t("validToHint")} {...f("validTo")} />
            </div>
            <SubmitButton>{t("submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
