"use client";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import {
  resubmitApplicationAction,
  submitApplicationAction,
  withdrawApplicationAction,
} from "@/lib/applications/actions";

// Worded on the server (applicant.caseActions) and handed the words as props: a case page that
// shows only these forms sends no message catalogue and no translation runtime to the browser.

/** The version travels with the form: if the case changed meanwhile, the server says so. */
export function SubmitForm({ applicationId, version, resubmit, disabled, label }: {
  applicationId: string; version: number; resubmit?: boolean; disabled?: boolean;
  /** The button's words: as it stands (submit or resubmit), and while the case may not go yet. */
  label: { ready: string; disabled: string };
}) {
  return (
    <ActionForm action={resubmit ? resubmitApplicationAction : submitApplicationAction} hidden={{ applicationId, version }}>
      {() => (disabled ? <button className="btn btn--primary" disabled>{label.disabled}</button> : <SubmitButton>{label.ready}</SubmitButton>)}
    </ActionForm>
  );
}

export function WithdrawForm({ applicationId, version, words }: {
  applicationId: string; version: number;
  words: { withdraw: string; withdrawReason: string; withdrawConfirm: string };
}) {
  return (
    <details className="card">
      <summary>{words.withdraw}</summary>
      <ActionForm action={withdrawApplicationAction} hidden={{ applicationId, version }}>
        {(state) => (
          <>
            <Field name="reason" label={words.withdrawReason} required errors={fieldErrors(state, "reason")}>
              {(control) => <textarea {...control} name="reason" defaultValue={fieldValue(state, "reason")} maxLength={500} />}
            </Field>
            <SubmitButton variant="danger">{words.withdrawConfirm}</SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}
