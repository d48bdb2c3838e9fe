"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import {
  resubmitApplicationAction,
  submitApplicationAction,
  withdrawApplicationAction,
} from "@/lib/applications/actions";

/** The version travels with the form: if the case changed meanwhile, the server says so. */
export function SubmitForm({ applicationId, version, resubmit, disabled }: { applicationId: string; version: number; resubmit?: boolean; disabled?: boolean }) {
  const t = useTranslations("applicant.caseActions");
  return (
    <ActionForm action={resubmit ? resubmitApplicationAction : submitApplicationAction} hidden={{ applicationId, version }}>
      {() => (disabled ? <button className="btn btn--primary" disabled>{t("submitDisabled")}</button> : <SubmitButton>{resubmit ? t("resubmit") : t("submit")}</SubmitButton>)}
    </ActionForm>
  );
}

export function WithdrawForm({ applicationId, version }: { applicationId: string; version: number }) {
  const t = useTranslations("applicant.caseActions");
  return (
    <details className="card">
      <summary>{t("withdraw")}</summary>
      <ActionForm action={withdrawApplicationAction} hidden={{ applicationId, version }}>
        {(state) => (
          <>
            <Field name="reason" label={t("withdrawReason")} required errors={fieldErrors(state, "reason")}>
              {(control) => <textarea {...control} name="reason" defaultValue={fieldValue(state, "reason")} maxLength={500} />}
            </Field>
            <SubmitButton variant="danger">{t("withdrawConfirm")}</SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}
