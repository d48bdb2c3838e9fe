"use client";
import { useTranslations } from "next-intl";
import { answerQueryAction, correctLineAction, queryLineAction } from "@/lib/subsidies/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckField, TextAreaField, TextField } from "@/components/ui/bound-fields";
import { useReportedAction } from "@/components/ui/page-feedback";

type LineRef = { lineId: string; batchVersion: number };

/** The centre's question about one line. */
export function QueryLineForm({ lineId, batchVersion }: LineRef) {
  const t = useTranslations("subsidy.centre");
  const form = `query-${lineId}`;
  const action = useReportedAction(queryLineAction);
  return (
    <ActionForm action={action} hidden={{ lineId, batchVersion }}>
      {(state) => (
        <>
          <TextAreaField form={form} name="question" label={t("query")} state={state} placeholder={t("queryPlaceholder")} rows={2} />
          <div className="actions"><SubmitButton variant="secondary">{t("querySubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

/** The bank's answer that leaves the figures as they are. */
export function AnswerQueryForm({ lineId, batchVersion }: LineRef) {
  const t = useTranslations("subsidy.bank");
  const action = useReportedAction(answerQueryAction);
  return (
    <ActionForm action={action} hidden={{ lineId, batchVersion }}>
      {(state) => (
        <>
          <TextAreaField form={`answer-${lineId}`} name="answer" label={t("answer")} state={state} rows={2} />
          <div className="actions"><SubmitButton variant="secondary">{t("answerSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}

export type CorrectionDefaults = {
  principalBalanceFen: string;
  annualRateMicros: string;
  interestDueFen: string;
  interestPaidFen: string;
  paidOn: string;
  penaltyInterestFen: string;
  overdue: boolean;
  extended: boolean;
};

/** The bank's correction: a new version of the line, with the answer. */
export function CorrectLineForm({ lineId, batchVersion, defaults, today }: LineRef & { defaults: CorrectionDefaults; today: string }) {
  const t = useTranslations("subsidy.bank");
  const col = useTranslations("subsidy.columns");
  const flags = useTranslations("subsidy.flags");
  const form = `correct-${lineId}`;
  const action = useReportedAction(correctLineAction);
  return (
    <ActionForm action={action} hidden={{ lineId, batchVersion }}>
      {(state) => (
        <>
          <div className="grid">
            <TextField form={form} name="principalBalanceFen" label={col("inYuan", { label: col("balance") })} state={state} fallback={defaults.principalBalanceFen} inputMode="decimal" />
            <TextField form={form} name="annualRateMicros" label={col("rate")} state={state} fallback={defaults.annualRateMicros} />
            <TextField form={form} name="interestDueFen" label={col("inYuan", { label: col("interestDue") })} state={state} fallback={defaults.interestDueFen} inputMode="decimal" />
            <TextField form={form} name="interestPaidFen" label={col("inYuan", { label: col("interestPaid") })} state={state} fallback={defaults.interestPaidFen} inputMode="decimal" />
            <TextField form={form} name="paidOn" label={col("paidOn")} state={state} fallback={defaults.paidOn} type="date" max={today} optional />
            <TextField form={form} name="penaltyInterestFen" label={col("inYuan", { label: col("penalty") })} state={state} fallback={defaults.penaltyInterestFen} inputMode="decimal" optional />
          </div>
          <div className="actions">
            <CheckField form={form} name="overdue" label={flags("overdue")} state={state} defaultChecked={defaults.overdue} />
            <CheckField form={form} name="extended" label={flags("extended")} state={state} defaultChecked={defaults.extended} />
          </div>
          <TextAreaField form={form} name="answer" label={t("answer")} state={state} rows={2} />
          <div className="actions"><SubmitButton>{t("correctSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
