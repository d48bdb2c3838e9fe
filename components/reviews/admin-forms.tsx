"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CaseFormContext } from "@/components/reviews/form-bits";
import { SelectField, TextField } from "@/components/ui/bound-fields";
import { CaseStepForm } from "@/components/reviews/case-step-form";
import { assignAction, greenChannelAction, revealAction } from "@/lib/reviews/actions";

type Props = { ctx: CaseFormContext };

export function GreenChannelForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={greenChannelAction} form="green" comment={t("greenComment")} submit={t("greenSubmit")} variant="secondary"
      fields={() => <p className="field__hint">{t("greenHint")}</p>} />
  );
}

export function AssignForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const people = ctx.colleagues.map((c) => (c.id === ctx.currentUserId ? { ...c, name: t("self", { name: c.name }) } : c));
  return (
    <CaseStepForm ctx={ctx} action={assignAction} form="assign" submit={t("assignSubmit")} variant="secondary" versioned={false} inPlace
      fields={(state) => <SelectField form="assign" state={state} name="assigneeId" label={t("assignee")} options={people} fallback={ctx.currentUserId} />} />
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
