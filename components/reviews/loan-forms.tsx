"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CommentField, TextField, type CaseFormContext } from "@/components/reviews/form-bits";
import { useReportedAction } from "@/components/ui/page-feedback";
import { compensateAction, cureAction, reportOverdueAction, settleAction } from "@/lib/reviews/actions";

type Props = { ctx: CaseFormContext };
const hiddenOf = (ctx: CaseFormContext) => ({ applicationId: ctx.applicationId, version: ctx.version });

// The loan's life after disbursement: the bank settles it or reports it overdue (and cured); the
// guarantor compensates the bank for a defaulted loan.

export function SettleForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(settleAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <TextField form="settle" state={state} name="settledOn" label={t("settledOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
          <CommentField form="settle" state={state} label={t("loanNote")} />
          <div className="actions"><SubmitButton>{t("settleSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

function NoteForm({ ctx, form, action, submit }: Props & { form: string; action: typeof cureAction; submit: string }) {
  const t = useTranslations("case.form");
  const reported = useReportedAction(action);
  return (
    <ActionForm action={reported} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <CommentField form={form} state={state} label={t("loanNote")} />
          <div className="actions"><SubmitButton variant={form === "compensate" || form === "overdue" ? "danger" : "primary"}>{t(submit)}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export const ReportOverdueForm = ({ ctx }: Props) => <NoteForm ctx={ctx} form="overdue" action={reportOverdueAction} submit="overdueSubmit" />;
export const CureForm = ({ ctx }: Props) => <NoteForm ctx={ctx} form="cure" action={cureAction} submit="cureSubmit" />;
export const CompensateForm = ({ ctx }: Props) => <NoteForm ctx={ctx} form="compensate" action={compensateAction} submit="compensateSubmit" />;
