"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CommentField, type CaseFormContext } from "@/components/reviews/form-bits";
import { TextField } from "@/components/ui/bound-fields";
import { useReportedAction } from "@/components/ui/page-feedback";
import {
  compensateAction,
  cureAction,
  recordRecoveryAction,
  recordRepaymentAction,
  reportOverdueAction,
  settleAction,
} from "@/lib/loans/actions";

type Props = { ctx: CaseFormContext };
const hiddenOf = (ctx: CaseFormContext) => ({ applicationId: ctx.applicationId, version: ctx.version });

// The loan's life after disbursement, with amounts and dates: the bank records repayments,
// settles the loan or reports it overdue (and cured); the guarantor compensates the bank (代偿)
// and records what it recovers from the borrower.

export function RepaymentForm({ ctx }: Props) {
  const t = useTranslations("case.form.servicing");
  const action = useReportedAction(recordRepaymentAction);
  return (
    <ActionForm action={action} hidden={{ applicationId: ctx.applicationId }}>
      {(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="repay" state={state} name="principalYuan" label={t("principalYuan")} inputMode="decimal" fallback="0" />
            <TextField form="repay" state={state} name="interestYuan" label={t("interestYuan")} inputMode="decimal" fallback="0" />
          </div>
          <div className="case-form-grid">
            <TextField form="repay" state={state} name="paidOn" label={t("paidOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
            <TextField form="repay" state={state} name="reference" label={t("reference")} hint={t("referenceHint")} maxLength={60} />
          </div>
          <div className="actions"><SubmitButton>{t("repaymentSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function SettleForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const s = useTranslations("case.form.servicing");
  const action = useReportedAction(settleAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <p className="muted">{s("settleHint")}</p>
          <TextField form="settle" state={state} name="settledOn" label={t("settledOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
          <div className="case-form-grid">
            <TextField form="settle" state={state} name="principalYuan" label={s("finalPrincipalYuan")} inputMode="decimal" fallback="0" />
            <TextField form="settle" state={state} name="interestYuan" label={s("finalInterestYuan")} inputMode="decimal" fallback="0" />
          </div>
          <TextField form="settle" state={state} name="reference" label={s("finalReference")} maxLength={60} />
          <CommentField form="settle" state={state} label={t("loanNote")} />
          <div className="actions"><SubmitButton>{t("settleSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function ReportOverdueForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const s = useTranslations("case.form.servicing");
  const action = useReportedAction(reportOverdueAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="overdue" state={state} name="principalYuan" label={s("overduePrincipalYuan")} inputMode="decimal" fallback="0" />
            <TextField form="overdue" state={state} name="interestYuan" label={s("overdueInterestYuan")} inputMode="decimal" fallback="0" />
          </div>
          <TextField form="overdue" state={state} name="firstMissedOn" label={s("firstMissedOn")} type="date" max={ctx.defaults.today} />
          <CommentField form="overdue" state={state} label={t("loanNote")} />
          <div className="actions"><SubmitButton variant="danger">{t("overdueSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function CureForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const s = useTranslations("case.form.servicing");
  const action = useReportedAction(cureAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <TextField form="cure" state={state} name="curedOn" label={s("curedOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
          <CommentField form="cure" state={state} label={t("loanNote")} />
          <div className="actions"><SubmitButton>{t("cureSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function CompensateForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const s = useTranslations("case.form.servicing");
  const action = useReportedAction(compensateAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="compensate" state={state} name="amountYuan" label={s("compensatedYuan")} inputMode="decimal" />
            <TextField form="compensate" state={state} name="paidOn" label={s("compensatedOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
          </div>
          <CommentField form="compensate" state={state} label={t("loanNote")} />
          <div className="actions"><SubmitButton variant="danger">{t("compensateSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function RecoveryForm({ ctx }: Props) {
  const s = useTranslations("case.form.servicing");
  const action = useReportedAction(recordRecoveryAction);
  return (
    <ActionForm action={action} hidden={{ applicationId: ctx.applicationId }}>
      {(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="recovery" state={state} name="amountYuan" label={s("recoveredYuan")} inputMode="decimal" />
            <TextField form="recovery" state={state} name="recoveredOn" label={s("recoveredOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
          </div>
          <TextField form="recovery" state={state} name="reference" label={s("reference")} hint={s("referenceHint")} maxLength={60} />
          <div className="actions"><SubmitButton>{s("recoverySubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
