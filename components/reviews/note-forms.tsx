"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { Field } from "@/components/ui/field";
import { useReportedAction } from "@/components/ui/page-feedback";
import type { CaseFormContext } from "@/components/reviews/form-bits";
import { MessagePreview } from "@/components/reviews/message-preview";
import { messageApplicantAction, noteAction } from "@/lib/reviews/actions";

type Props = { ctx: CaseFormContext };

/** An internal note: the organisations on the case read it; the applicant never does. */
export function NoteForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(noteAction);
  return (
    <ActionForm action={action} hidden={{ applicationId: ctx.applicationId }}>
      {(state) => (
        <>
          <Field id="note-note" label={t("note")} hint={t("internalHint")} required errors={fieldErrors(state, "note")}>
            {(aria) => <textarea {...aria} name="note" rows={3} defaultValue={kept(state, "note")} maxLength={2000} />}
          </Field>
          <div className="actions"><SubmitButton variant="secondary">{t("noteSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

/** A message of its own to the applicant, previewed word for word before it is sent. */
export function MessageForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(messageApplicantAction);
  return (
    <ActionForm action={action} hidden={{ applicationId: ctx.applicationId }}>
      {(state) => (
        <>
          <Field id="message-text" label={t("messageText")} hint={t("messageHint")} required errors={fieldErrors(state, "text")}>
            {(aria) => <textarea {...aria} name="text" rows={4} defaultValue={kept(state, "text")} maxLength={1000} />}
          </Field>
          <MessagePreview step="messageApplicant" ctx={ctx.preview} textField="text" />
          <div className="actions"><SubmitButton>{t("messageSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
