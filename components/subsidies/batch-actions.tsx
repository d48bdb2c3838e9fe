"use client";
import type { ReactNode } from "react";
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
  const card = (key: string, title: string, body: ReactNode) => (
    <section key={key} className="card" aria-label={title} data-testid={`batch-action-${key}`}>
      <h3 style={{ marginTop: 0, fontSize: "1.05rem" }}>{title}</h3>
      {body}
    </section>
  );
  if (actions.length === 0) return <p className="notice notice--info">{t("noActions")}</p>;
  return (
    <div className="grid">
      {actions.includes("verify") ? card("verify", t("verify"), (
        <ActionForm action={verify} hidden={hidden}>
          {(state) => (
            <>
              <CheckField form="verify" name="checkAmounts" label={t("checkAmounts")} state={state} />
              <CheckField form="verify" name="checkRepayment" label={t("checkRepayment")} state={state} />
              <CheckField form="verify" name="checkUnion" label={t("checkUnion")} state={state} />
              <TextAreaField form="verify" name="comment" label={t("comment")} state={state} optional rows={2} />
              <div className="actions"><SubmitButton>{t("verify")}</SubmitButton></div>
            </>
          )}
        </ActionForm>
      )) : null}
      {actions.includes("makerApprove") ? card("makerApprove", t("makerApprove"), (
        <ActionForm action={maker} hidden={hidden}>
          {(state) => (
            <>
              <TextAreaField form="maker" name="comment" label={t("comment")} state={state} optional rows={2} />
              <div className="actions"><SubmitButton>{t("makerApprove")}</SubmitButton></div>
            </>
          )}
        </ActionForm>
      )) : null}
      {actions.includes("checkerApprove") ? card("checkerApprove", t("checkerApprove"), (
        <ActionForm action={checker} hidden={hidden}>
          {(state) => (
            <>
              <p className="field__hint">{t("checkerHint")}</p>
              <TextAreaField form="checker" name="comment" label={t("comment")} state={state} optional rows={2} />
              <div className="actions"><SubmitButton>{t("checkerApprove")}</SubmitButton></div>
            </>
          )}
        </ActionForm>
      )) : null}
      {actions.includes("pay") ? card("pay", t("pay"), (
        <ActionForm action={pay} hidden={hidden}>
          {(state) => (
            <>
              <TextField form="pay" name="paidOn" label={t("paidOn")} state={state} type="date" fallback={today} max={today} />
              <TextField form="pay" name="payerAccount" label={t("payerAccountLabel")} state={state} fallback={payerAccount} />
              <TextField form="pay" name="paymentRef" label={t("paymentRef")} state={state} autoComplete="off" />
              <div className="actions"><SubmitButton>{t("pay")}</SubmitButton></div>
            </>
          )}
        </ActionForm>
      )) : null}
      {actions.includes("reconcile") ? card("reconcile", t("reconcile"), (
        <ActionForm action={reconcile} hidden={hidden}>
          {(state) => (
            <>
              <TextAreaField form="reconcile" name="comment" label={t("reconcileNote")} state={state} rows={2} />
              <div className="actions"><SubmitButton>{t("reconcile")}</SubmitButton></div>
            </>
          )}
        </ActionForm>
      )) : null}
      {actions.includes("reopen") ? card("reopen", t("reopen"), (
        <ActionForm action={reopen} hidden={hidden}>
          {(state) => (
            <>
              <p className="field__hint">{t("reopenHint")}</p>
              <TextAreaField form="reopen" name="comment" label={t("comment")} state={state} rows={2} />
              <div className="actions"><SubmitButton variant="danger">{t("reopen")}</SubmitButton></div>
            </>
          )}
        </ActionForm>
      )) : null}
    </div>
  );
}
