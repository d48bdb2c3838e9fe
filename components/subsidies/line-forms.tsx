"use client";
import { useTranslations } from "next-intl";
import { answerQueryAction, correctLineAction, queryLineAction } from "@/lib/subsidies/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckBox, TextArea, TextInput } from "@/components/subsidies/form-fields";
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
          <TextArea form={form} name="question" label={t("query")} state={state} required placeholder={t("queryPlaceholder")} />
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
          <TextArea form={`answer-${lineId}`} name="answer" label={t("answer")} state={state} required />
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
            <TextInput form={form} name="principalBalanceFen" label={`${col("balance")}（元）`} state={state} fallback={defaults.principalBalanceFen} required inputMode="decimal" />
            <TextInput form={form} name="annualRateMicros" label={col("rate")} state={state} fallback={defaults.annualRateMicros} required />
            <TextInput form={form} name="interestDueFen" label={`${col("interestDue")}（元）`} state={state} fallback={defaults.interestDueFen} required inputMode="decimal" />
            <TextInput form={form} name="interestPaidFen" label={`${col("interestPaid")}（元）`} state={state} fallback={defaults.interestPaidFen} required inputMode="decimal" />
            <TextInput form={form} name="paidOn" label={col("paidOn")} state={state} fallback={defaults.paidOn} type="date" max={today} />
            <TextInput form={form} name="penaltyInterestFen" label={`${col("penalty")}（元）`} state={state} fallback={defaults.penaltyInterestFen} inputMode="decimal" />
          </div>
          <div className="actions">
            <CheckBox form={form} name="overdue" label={flags("overdue")} state={state} defaultChecked={defaults.overdue} />
            <CheckBox form={form} name="extended" label={flags("extended")} state={state} defaultChecked={defaults.extended} />
          </div>
          <TextArea form={form} name="answer" label={t("answer")} state={state} required />
          <div className="actions"><SubmitButton>{t("correctSubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
