"use client";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { registerMemberAction } from "@/lib/intake/actions";

type Labels = { mobile: string; displayName: string; email: string; emailHint: string; submit: string };

/** The desk registers a member with no account; the words come rendered from the page. */
export function RegisterMemberForm({ mobile, labels }: { mobile: string; labels: Labels }) {
  return (
    <ActionForm action={registerMemberAction} className="form">
      {(state) => (
        <>
          <Field name="mobile" label={labels.mobile} required inputMode="tel" autoComplete="off" maxLength={11}
            defaultValue={fieldValue(state, "mobile", mobile)} errors={fieldErrors(state, "mobile")} />
          <Field name="displayName" label={labels.displayName} required autoComplete="off"
            defaultValue={fieldValue(state, "displayName", "")} errors={fieldErrors(state, "displayName")} />
          <Field name="email" type="email" label={labels.email} hint={labels.emailHint} autoComplete="off" maxLength={254}
            defaultValue={fieldValue(state, "email", "")} errors={fieldErrors(state, "email")} />
          <SubmitButton>{labels.submit}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
