"use client";
import { useTranslations } from "next-intl";
import type { CaseFormContext } from "@/components/reviews/form-bits";
import { TextField } from "@/components/ui/bound-fields";
import { CaseStepForm } from "@/components/reviews/case-step-form";
import {
  compensateAction,
  cureAction,
  recordRecoveryAction,
  recordRepaymentAction,
  reportOverdueAction,
  settleAction,
} from "@/lib/loans/actions";

type Props = { ctx: CaseFormContext };

// The loan's life after disbursement, with amounts and dates: the bank records repayments,
// settles the loan or reports it overdue (and cured); the guarantor compensates the bank (daichang)
// and records what it recovers from the borrower. Repayments and recoveries are records beside
// the workflow, so their forms carry no case version.

export function RepaymentForm({ ctx }: Props) {
  const t = useTranslations("case.form.servicing");
  return (
    <CaseStepForm ctx={ctx} action={recordRepaymentAction} form="repay" submit={t("repaymentSubmit")} versioned={false}
      fields={(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="repay" state={state} name="principalYuan" label={t("principalYuan")} inputMode="decimal" fallback="0" />
            <TextField form="repay" state={state} name="interestYuan" label={t("interestYuan")} inputMode="decimal" fallback="0" />
          </div>
          <div className="case-form-grid">
            <TextField form="repay" state={state} name="paidOn" label={t("paidOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
            <TextField form="repay" state={state} name="reference" label={t("reference")} hint={t("referenceHint")} maxLength={60} />
          </div>
        </>
      )} />
  );
}

export function SettleForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const s = useTranslations("case.form.servicing");
  return (
    <CaseStepForm ctx={ctx} action={settleAction} form="settle" comment={t("loanNote")} submit={t("settleSubmit")}
      fields={(state) => (
        <>
          <p className="muted">{s("settleHint")}</p>
          <TextField form="settle" state={state} name="settledOn" label={t("settledOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
          <div className="case-form-grid">
            <TextField form="settle" state={state} name="principalYuan" label={s("finalPrincipalYuan")} inputMode="decimal" fallback="0" />
            <TextField form="settle" state={state} name="interestYuan" label={s("finalInterestYuan")} inputMode="decimal" fallback="0" />
          </div>
          <TextField form="settle" state={state} name="reference" label={s("finalReference")} maxLength={60} />
        </>
      )} />
  );
}

export function ReportOverdueForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const s = useTranslations("case.form.servicing");
  return (
    <CaseStepForm ctx={ctx} action={reportOverdueAction} form="overdue" comment={t("loanNote")} submit={t("overdueSubmit")} variant="danger"
      fields={(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="overdue" state={state} name="principalYuan" label={s("overduePrincipalYuan")} inputMode="decimal" fallback="0" />
            <TextField form="overdue" state={state} name="interestYuan" label={s("overdueInterestYuan")} inputMode="decimal" fallback="0" />
          </div>
          <TextField form="overdue" state={state} name="firstMissedOn" label={s("firstMissedOn")} type="date" max={ctx.defaults.today} />
        </>
      )} />
  );
}

export function CureForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const s = useTranslations("case.form.servicing");
  return (
    <CaseStepForm ctx={ctx} action={cureAction} form="cure" comment={t("loanNote")} submit={t("cureSubmit")}
      fields={(state) => (
        <TextField form="cure" state={state} name="curedOn" label={s("curedOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
      )} />
  );
}

export function CompensateForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const s = useTranslations("case.form.servicing");
  return (
    <CaseStepForm ctx={ctx} action={compensateAction} form="compensate" comment={t("loanNote")} submit={t("compensateSubmit")} variant="danger"
      fields={(state) => (
        <div className="case-form-grid">
          <TextField form="compensate" state={state} name="amountYuan" label={s("compensatedYuan")} inputMode="decimal" />
          <TextField form="compensate" state={state} name="paidOn" label={s("compensatedOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
        </div>
      )} />
  );
}

export function RecoveryForm({ ctx }: Props) {
  const s = useTranslations("case.form.servicing");
  return (
    <CaseStepForm ctx={ctx} action={recordRecoveryAction} form="recovery" submit={s("recoverySubmit")} versioned={false}
      fields={(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="recovery" state={state} name="amountYuan" label={s("recoveredYuan")} inputMode="decimal" />
            <TextField form="recovery" state={state} name="recoveredOn" label={s("recoveredOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
          </div>
          <TextField form="recovery" state={state} name="reference" label={s("reference")} hint={s("referenceHint")} maxLength={60} />
        </>
      )} />
  );
}
