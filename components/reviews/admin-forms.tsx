"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CommentField, type CaseFormContext } from "@/components/reviews/form-bits";
import { SelectField, TextField } from "@/components/ui/bound-fields";
import { useReportedAction } from "@/components/ui/page-feedback";
import { assignAction, greenChannelAction, revealAction } from "@/lib/reviews/actions";

type Props = { ctx: CaseFormContext };

export function GreenChannelForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(greenChannelAction);
  return (
    <ActionForm action={action} hidden={{ applicationId: ctx.applicationId, version: ctx.version }}>
      {(state) => (
        <>
          <p className="field__hint">{t("greenHint")}</p>
          <CommentField form="green" state={state} label={t("greenComment")} />
          <div className="actions"><SubmitButton variant="secondary">{t("greenSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function AssignForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const people = ctx.colleagues.map((c) => (c.id === ctx.currentUserId ? { ...c, name: t("self", { name: c.name }) } : c));
  return (
    <ActionForm action={assignAction} hidden={{ applicationId: ctx.applicationId }}>
      {(state) => (
        <>
          <SelectField form="assign" state={state} name="assigneeId" label={t("assignee")} options={people} fallback={ctx.currentUserId} />
          <div className="actions"><SubmitButton variant="secondary">{t("assignSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

/** The full values come back in the success message; the act is logged with its purpose. */
export function RevealForm({ applicationId }: { applicationId: string }) {
  const t = useTranslations("case.form");
  return (
    <ActionForm action={revealAction} hidden={{ applicationId }}>
      {(state) => (
        <>
          <TextField form="reveal" state={state} name="purpose" label={t("revealPurpose")} hint={t("revealHint")} maxLength={200} autoComplete="off" />
          <div className="actions"><SubmitButton variant="secondary">{t("revealSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
