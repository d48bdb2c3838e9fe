"use client";
import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";
import type { MessagingStep } from "@/lib/reviews/applicant-message";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { useReportedAction } from "@/components/ui/page-feedback";
import { CommentField, type CaseFormContext } from "@/components/reviews/form-bits";
import { ApplicantMessageField } from "@/components/reviews/message-preview";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * One form on a case page, in the order every case form keeps: its own fields, the comment
 * between the organisations (when `comment` names it), what the applicant will be told (when the
 * step sends a message), a note, then the button. It carries the case and, for a step of the
 * workflow, the version the user saw (`versioned`); a success is reported at the top of the page,
 * unless `inPlace` keeps it in the form.
 */
export function CaseStepForm({ ctx, action, form, submit, variant, comment, message, note, fields, versioned = true, inPlace = false }: {
  ctx: Pick<CaseFormContext, "applicationId" | "version" | "preview">;
  action: FormAction;
  form: string;
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  comment?: string;
  message?: MessagingStep;
  note?: ReactNode;
  fields?: (state: ActionState) => ReactNode;
  versioned?: boolean;
  inPlace?: boolean;
}) {
  const reported = useReportedAction(action);
  return (
    <ActionForm action={inPlace ? action : reported} hidden={versioned ? { applicationId: ctx.applicationId, version: ctx.version } : { applicationId: ctx.applicationId }}>
      {(state) => (
        <>
          {fields?.(state)}
          {comment !== undefined ? <CommentField form={form} state={state} label={comment} /> : null}
          {message ? <ApplicantMessageField form={form} state={state} step={message} ctx={ctx.preview} /> : null}
          {note}
          <div className="actions"><SubmitButton variant={variant}>{submit}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
