"use client";
import type { ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";
import { useTranslations } from "next-intl";
import type { BatchAction } from "@/lib/subsidies/batch-workflow";
import {
  checkerApproveAction,
  makerApproveAction,
  payBatchAction,
  reconcileBatchAction,
  reopenBatchAction,
  verifyBatchAction,
} from "@/lib/subsidies/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckField, TextAreaField, TextField } from "@/components/ui/bound-fields";
import { useReportedAction } from "@/components/ui/page-feedback";

type Props = { batchId: string; version: number; actions: BatchAction[]; today: string; payerAccount: string };

/** The forms for the steps this person may take on the batch now (the server decides which). */
export function BatchActions({ batchId, version, actions, today, payerAccount }: Props) {
  const t = useTranslations("subsidy.centre");
  const hidden = { batchId, version };
  const verify = useReportedAction(verifyBatchAction);
  const maker = useReportedAction(makerApproveAction);
  const checker = useReportedAction(checkerApproveAction);
  const pay = useReportedAction(payBatchAction);
  const reconcile = useReportedAction(reconcileBatchAction);
  const reopen = useReportedAction(reopenBatchAction);
  // Each step the person may take is a card of its own: the step's fields, then its button.
  const step = (key: BatchAction, action: typeof verify, fields: (state: ActionState) => ReactNode, variant?: "danger") =>
    actions.includes(key) ? (
      <section key={key} className="card" aria-label={t(key)} data-testid={`batch-action-${key}`}>
        <h3 style={{ marginTop: 0, fontSize: "1.05rem" }}>{t(key)}</h3>
        <ActionForm action={action} hidden={hidden}>
          {(state) => (
            <>
              {fields(state)}
              <div className="actions"><SubmitButton variant={variant}>{t(key)}</SubmitButton></div>
            </>
          )}
        </ActionForm>
      </section>
    ) : null;
  if (actions.length === 0) return <p className="notice notice--info">{t("noActions")}</p>;
  return (
    <div className="grid">
      {step("verify", verify, (state) => (
        <>
          <CheckField form="verify" name="checkAmounts" label={t("checkAmounts")} state={state} />
          <CheckField form="verify" name="checkRepayment" label={t("checkRepayment")} state={state} />
          <CheckField form="verify" name="checkUnion" label={t("checkUnion")} state={state} />
          <TextAreaField form="verify" name="comment" label={t("comment")} state={state} optional rows={2} />
        </>
      ))}
      {step("makerApprove", maker, (state) => <TextAreaField form="maker" name="comment" label={t("comment")} state={state} optional rows={2} />)}
      {step("checkerApprove", checker, (state) => (
        <>
          <p className="field__hint">{t("checkerHint")}</p>
          <TextAreaField form="checker" name="comment" label={t("comment")} state={state} optional rows={2} />
        </>
      ))}
      {step("pay", pay, (state) => (
        <>
          <TextField form="pay" name="paidOn" label={t("paidOn")} state={state} type="date" fallback={today} max={today} />
          <TextField form="pay" name="payerAccount" label={t("payerAccountLabel")} state={state} fallback={payerAccount} />
          <TextField form="pay" name="paymentRef" label={t("paymentRef")} state={state} autoComplete="off" />
        </>
      ))}
      {step("reconcile", reconcile, (state) => <TextAreaField form="reconcile" name="comment" label={t("reconcileNote")} state={state} rows={2} />)}
      {step("reopen", reopen, (state) => (
        <>
          <p className="field__hint">{t("reopenHint")}</p>
          <TextAreaField form="reopen" name="comment" label={t("comment")} state={state} rows={2} />
        </>
      ), "danger")}
    </div>
  );
}
