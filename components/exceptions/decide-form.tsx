"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { Field } from "@/components/ui/field";
import { useReportedAction } from "@/components/ui/page-feedback";
import { decideExceptionAction } from "@/lib/exceptions/actions";

/** An approver's decision on a pending request, with a comment: approve or refuse. */
export function ExceptionDecideForm({ exceptionId, version }: { exceptionId: string; version: number }) {
  const t = useTranslations("exceptions.form");
  const action = useReportedAction(decideExceptionAction);
  return (
    <ActionForm action={action} hidden={{ exceptionId, version }} className="form exception-decide">
      {(state) => (
        <>
          <Field id={`decide-${exceptionId}-comment`} label={t("decisionComment")} required errors={fieldErrors(state, "comment")}>
            {(aria) => <textarea {...aria} name="comment" defaultValue={kept(state, "comment")} maxLength={500} rows={2} />}
          </Field>
          <div className="actions">
            <SubmitButton name="decision" value="approve">{t("approve")}</SubmitButton>
            <SubmitButton name="decision" value="refuse" variant="danger">{t("refuse")}</SubmitButton>
          </div>
        </>
      )}
    </ActionForm>
  );
}
