"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { PartnerField, type CaseFormContext } from "@/components/reviews/form-bits";
import { CheckField, SelectField, TextAreaField, TextField } from "@/components/ui/bound-fields";
import { CaseStepForm } from "@/components/reviews/case-step-form";
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

export function RecommendForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={recommendAction} form="recommend" comment={t("reviewComment")}
      message={ctx.needsChecker ? undefined : "confirm"}
      note={ctx.needsChecker ? <p className="field__hint">{t("needsCheckerHint")}</p> : null}
      submit={t(ctx.needsChecker ? "recommendSubmit" : "recommendRoute")}
      fields={(state) => (
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
        </>
      )} />
  );
}

export function ConfirmForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={confirmAction} form="confirm" comment={t("confirmComment")} message="confirm" submit={t("confirmSubmit")}
      fields={(state) => <PartnerField form="confirm" state={state} name="guarantorOrgId" label={t("guarantor")} options={ctx.guarantors} route={ctx.routes.GUARANTOR} />} />
  );
}

export function ReturnForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={returnAction} form="return" comment={t("returnComment")} message="return" submit={t("returnSubmit")} variant="secondary"
      fields={(state) => (
        <TextAreaField form="return" state={state} name="missingItems" label={t("missingItems")} hint={t("missingItemsHint")} rows={5} maxLength={2000} />
      )} />
  );
}

export function RejectForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={rejectAction} form="reject" comment={t("rejectComment")} message="reject" submit={t("rejectSubmit")} variant="danger"
      note={<p className="field__hint">{t("rejectHint")}</p>}
      fields={(state) => (
        <SelectField form="reject" state={state} name="reasonCode" label={t("reasonCode")} options={ctx.rejectReasons} placeholder={t("choose")} />
      )} />
  );
}

export function GuaranteeForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={guaranteeAction} form="guarantee" comment={t("guaranteeComment")} message="issueGuarantee" submit={t("guaranteeSubmit")}
      fields={(state) => (
        <div className="case-form-grid">
          <TextField form="guarantee" state={state} name="contractNo" label={t("guaranteeContractNo")} hint={t("contractNoHint")} maxLength={40} autoComplete="off" />
          <TextField form="guarantee" state={state} name="guaranteedYuan" label={t("guaranteedYuan")} inputMode="decimal" fallback={ctx.defaults.amountYuan} hint={t("notAboveRequested")} />
          <TextField form="guarantee" state={state} name="termMonths" label={t("guaranteeTerm")} inputMode="numeric" fallback={ctx.defaults.termMonths} />
          <PartnerField form="guarantee" state={state} name="bankOrgId" label={t("bank")} options={ctx.banks} route={ctx.routes.BANK} />
        </div>
      )} />
  );
}

/** A rate typed as a percentage ("3.85") in whole basis points, or null while it is not one. */
const typedBp = (value: string): number | null => {
  const m = /^(\d{1,2})(?:\.(\d{1,2}))?$/.exec(value.trim());
  return m ? Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0")) : null;
};

export function BankApproveForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  const lpr = ctx.defaults.lpr;
  const [rate, setRate] = useState("");
  const spread = lpr ? typedBp(rate) : null;
  const methods = [
    { id: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", name: t("repayment.INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY") },
    { id: "EQUAL_INSTALMENTS", name: t("repayment.EQUAL_INSTALMENTS") },
  ];
  return (
    <CaseStepForm ctx={ctx} action={bankApproveAction} form="approve" comment={t("approveComment")} message="approveCredit" submit={t("approveSubmit")}
      fields={(state) => (
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
      )} />
  );
}

export function SignForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return <CaseStepForm ctx={ctx} action={signAction} form="sign" comment={t("signComment")} submit={t("signSubmit")} />;
}

export function DisburseForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return (
    <CaseStepForm ctx={ctx} action={disburseAction} form="disburse" comment={t("disburseComment")} message="disburse" submit={t("disburseSubmit")}
      fields={(state) => (
        <div className="case-form-grid">
          <TextField form="disburse" state={state} name="disbursedOn" label={t("disbursedOn")} type="date" max={ctx.defaults.today} fallback={ctx.defaults.today} />
          <TextField form="disburse" state={state} name="amountYuan" label={t("amountYuan")} inputMode="decimal" fallback={ctx.defaults.disburseYuan} hint={t("equalsPrincipal")} />
          <TextField form="disburse" state={state} name="accountNo" label={t("accountNo")} inputMode="numeric" maxLength={30} autoComplete="off" hint={t("accountNoHint")} />
        </div>
      )} />
  );
}

export function ReopenForm({ ctx }: Props) {
  const t = useTranslations("case.form");
  return <CaseStepForm ctx={ctx} action={reopenAction} form="reopen" comment={t("reopenComment")} message="reopen" submit={t("reopenSubmit")} />;
}
