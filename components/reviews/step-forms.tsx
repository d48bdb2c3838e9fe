"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors } from "@/components/ui/form-message";
import { Field } from "@/components/ui/field";
import { CommentField, PartnerField, type CaseFormContext } from "@/components/reviews/form-bits";
import { CheckField, SelectField, TextField } from "@/components/ui/bound-fields";
import { kept } from "@/components/ui/form-message";
import { useReportedAction } from "@/components/ui/page-feedback";
import { ApplicantMessageField } from "@/components/reviews/message-preview";
import {
  bankApproveAction,
  confirmAction,
  disburseAction,
  guaranteeAction,
  recommendAction,
  rejectAction,
  reopenAction,
  returnAction,
  signAction,
} from "@/lib/reviews/actions";

type Props = { ctx: CaseFormContext };

const hiddenOf = (ctx: CaseFormContext) => ({ applicationId: ctx.applicationId, version: ctx.version });

export function RecommendForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(recommendAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <fieldset className="case-checklist">
            <legend>{t("checklist")}</legend>
            <CheckField form="recommend" state={state} name="checkMember" label={t("checkMember")} />
            <CheckField form="recommend" state={state} name="checkTargetGroup" label={t("checkTargetGroup")} />
            <CheckField form="recommend" state={state} name="checkDocuments" label={t("checkDocuments")} />
          </fieldset>
          {ctx.needsChecker ? null : (
            <PartnerField form="recommend" state={state} name="guarantorOrgId" label={t("guarantor")} options={ctx.guarantors} route={ctx.routes.GUARANTOR} />
          )}
          <CommentField form="recommend" state={state} label={t("reviewComment")} />
          {ctx.needsChecker ? null : <ApplicantMessageField form="recommend" state={state} step="confirm" ctx={ctx.preview} />}
          {ctx.needsChecker ? <p className="field__hint">{t("needsCheckerHint")}</p> : null}
          <div className="actions"><SubmitButton>{t(ctx.needsChecker ? "recommendSubmit" : "recommendRoute")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function ConfirmForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(confirmAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <PartnerField form="confirm" state={state} name="guarantorOrgId" label={t("guarantor")} options={ctx.guarantors} route={ctx.routes.GUARANTOR} />
          <CommentField form="confirm" state={state} label={t("confirmComment")} />
          <ApplicantMessageField form="confirm" state={state} step="confirm" ctx={ctx.preview} />
          <div className="actions"><SubmitButton>{t("confirmSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function ReturnForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(returnAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <Field id="return-missingItems" label={t("missingItems")} hint={t("missingItemsHint")} required errors={fieldErrors(state, "missingItems")}>
            {(aria) => <textarea {...aria} name="missingItems" rows={5} defaultValue={kept(state, "missingItems")} maxLength={2000} />}
          </Field>
          <CommentField form="return" state={state} label={t("returnComment")} />
          <ApplicantMessageField form="return" state={state} step="return" ctx={ctx.preview} />
          <div className="actions"><SubmitButton variant="secondary">{t("returnSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function RejectForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(rejectAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <SelectField form="reject" state={state} name="reasonCode" label={t("reasonCode")} options={ctx.rejectReasons} placeholder={t("choose")} />
          <CommentField form="reject" state={state} label={t("rejectComment")} />
          <ApplicantMessageField form="reject" state={state} step="reject" ctx={ctx.preview} />
          <p className="field__hint">{t("rejectHint")}</p>
          <div className="actions"><SubmitButton variant="danger">{t("rejectSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function GuaranteeForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(guaranteeAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="guarantee" state={state} name="contractNo" label={t("guaranteeContractNo")} hint={t("contractNoHint")} maxLength={40} autoComplete="off" />
            <TextField form="guarantee" state={state} name="guaranteedYuan" label={t("guaranteedYuan")} inputMode="decimal" fallback={ctx.defaults.amountYuan} hint={t("notAboveRequested")} />
            <TextField form="guarantee" state={state} name="termMonths" label={t("guaranteeTerm")} inputMode="numeric" fallback={ctx.defaults.termMonths} />
            <PartnerField form="guarantee" state={state} name="bankOrgId" label={t("bank")} options={ctx.banks} route={ctx.routes.BANK} />
          </div>
          <CommentField form="guarantee" state={state} label={t("guaranteeComment")} />
          <ApplicantMessageField form="guarantee" state={state} step="issueGuarantee" ctx={ctx.preview} />
          <div className="actions"><SubmitButton>{t("guaranteeSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

/** A rate typed as a percentage ("3.85") in whole basis points, or null while it is not one. */
const typedBp = (value: string): number | null => {
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(value.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : null;
};

export function BankApproveForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(bankApproveAction);
  const lpr = ctx.defaults.lpr;
  const [rate, setRate] = useState("");
  const spread = lpr ? typedBp(rate) : null;
  const methods = [
    { id: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", name: t("repayment.INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY") },
    { id: "EQUAL_INSTALMENTS", name: t("repayment.EQUAL_INSTALMENTS") },
  ];
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="approve" state={state} name="principalYuan" label={t("principalYuan")} inputMode="decimal" fallback={ctx.defaults.principalYuan} hint={t("notAboveRequested")} />
            <TextField form="approve" state={state} name="annualRatePercent" label={t("annualRatePercent")} inputMode="decimal" placeholder="3.85" hint={t("annualRateHint")}
              onChange={(e) => setRate(e.currentTarget.value)} />
            <TextField form="approve" state={state} name="lprReference" label={t("lprReference")} placeholder={t("lprPlaceholder")} maxLength={60}
              fallback={lpr?.reference ?? ""}
              hint={lpr ? t("lprInForce", { day: ctx.defaults.today, rate: `${(lpr.rateBp / 100).toFixed(2)}%`, from: lpr.effectiveFrom }) : t("lprNoneInForce", { day: ctx.defaults.today })} />
            {lpr && spread !== null ? <p className="field__hint" data-testid="lpr-spread">{t("lprSpread", { spread: spread - lpr.rateBp })}</p> : null}
            <TextField form="approve" state={state} name="termMonths" label={t("loanTerm")} inputMode="numeric" fallback={ctx.defaults.termMonths} />
            <SelectField form="approve" state={state} name="repaymentMethod" label={t("repaymentMethod")} options={methods} fallback={methods[0]!.id} />
            <TextField form="approve" state={state} name="contractNo" label={t("loanContractNo")} hint={t("loanContractNoHint")} maxLength={40} autoComplete="off" />
          </div>
          <CommentField form="approve" state={state} label={t("approveComment")} />
          <ApplicantMessageField form="approve" state={state} step="approveCredit" ctx={ctx.preview} />
          <div className="actions"><SubmitButton>{t("approveSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function SignForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(signAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <CommentField form="sign" state={state} label={t("signComment")} />
          <div className="actions"><SubmitButton>{t("signSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function DisburseForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(disburseAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <div className="case-form-grid">
            <TextField form="disburse" state={state} name="disbursedOn" label={t("disbursedOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
            <TextField form="disburse" state={state} name="amountYuan" label={t("amountYuan")} inputMode="decimal" fallback={ctx.defaults.disburseYuan} hint={t("equalsPrincipal")} />
            <TextField form="disburse" state={state} name="accountNo" label={t("accountNo")} inputMode="numeric" maxLength={30} autoComplete="off" hint={t("accountNoHint")} />
          </div>
          <CommentField form="disburse" state={state} label={t("disburseComment")} />
          <ApplicantMessageField form="disburse" state={state} step="disburse" ctx={ctx.preview} />
          <div className="actions"><SubmitButton>{t("disburseSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export function ReopenForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const action = useReportedAction(reopenAction);
  return (
    <ActionForm action={action} hidden={hiddenOf(ctx)}>
      {(state) => (
        <>
          <CommentField form="reopen" state={state} label={t("reopenComment")} />
          <ApplicantMessageField form="reopen" state={state} step="reopen" ctx={ctx.preview} />
          <div className="actions"><SubmitButton>{t("reopenSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
