"use client";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import {
  resubmitApplicationAction,
  startApplicationAction,
  startRenewalAction,
  submitApplicationAction,
  withdrawApplicationAction,
} from "@/lib/applications/actions";

/** The version travels with the form: if the case changed meanwhile, the server says so. */
export function SubmitForm({ applicationId, version, resubmit, disabled }: { applicationId: string; version: number; resubmit?: boolean; disabled?: boolean }) {
  return (
    <ActionForm action={resubmit ? resubmitApplicationAction : submitApplicationAction} hidden={{ applicationId, version }}>
      {() => (disabled ? <button className="btn btn--primary" disabled>提交申请</button> : <SubmitButton>{resubmit ? "补充完毕，重新提交" : "确认无误，提交申请"}</SubmitButton>)}
    </ActionForm>
  );
}

export function WithdrawForm({ applicationId, version }: { applicationId: string; version: number }) {
  return (
    <details className="card">
      <summary>撤回申请</summary>
      <ActionForm action={withdrawApplicationAction} hidden={{ applicationId, version }}>
        {(state) => (
          <>
            <Field name="reason" label="撤回原因" required errors={fieldErrors(state, "reason")}>
              <textarea id="reason" name="reason" defaultValue={fieldValue(state, "reason")} maxLength={500} />
            </Field>
            <SubmitButton variant="danger">确认撤回</SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}

export function StartApplicationButton({ enterpriseId }: { enterpriseId: string }) {
  return (
    <ActionForm action={startApplicationAction} hidden={{ enterpriseId }} className="">
      {() => <SubmitButton variant="secondary">为该企业申请贷款</SubmitButton>}
    </ActionForm>
  );
}

export function RenewButton({ loanId }: { loanId: string }) {
  return (
    <ActionForm action={startRenewalAction} hidden={{ loanId }} className="">
      {() => <SubmitButton variant="secondary">申请续贷</SubmitButton>}
    </ActionForm>
  );
}
