"use client";
import { useTranslations } from "next-intl";
import { TextAreaField } from "@/components/ui/bound-fields";
import type { CaseFormContext } from "@/components/reviews/form-bits";
import { CaseStepForm } from "@/components/reviews/case-step-form";
import { MessagePreview } from "@/components/reviews/message-preview";
import { messageApplicantAction, noteAction } from "@/lib/reviews/actions";

type Props = { ctx: CaseFormContext };

/** An internal note: the organisations on the case read it; the applicant never does. */
export function NoteForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={noteAction} form="note" submit={t("noteSubmit")} variant="secondary" versioned={false}
      fields={(state) => <TextAreaField form="note" state={state} name="note" label={t("note")} hint={t("internalHint")} rows={3} maxLength={2000} />} />
  );
}

/** A message of its own to the applicant, previewed word for word before it is sent. */
export function MessageForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={messageApplicantAction} form="message" submit={t("messageSubmit")} versioned={false}
      fields={(state) => (
        <>
          <TextAreaField form="message" state={state} name="text" label={t("messageText")} hint={t("messageHint")} rows={4} maxLength={1000} />
          <MessagePreview step="messageApplicant" ctx={ctx.preview} textField="text" />
        </>
      )} />
  );
}
