"use client";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { recordFoundingAction } from "@/lib/unions/founding-actions";

export type FoundingFormLabels = {
  creditCode: string; unionName: string; foundedOn: string; memberCount: string; memberCountHint: string; submit: string; correct: string;
};
export type FoundingDefaults = { replacesId: string; creditCode: string; unionName: string; foundedOn: string; memberCount: string };

/** Recording that an enterprise set up its union (or correcting the current record). */
export function FoundingForm({ labels, defaults }: { labels: FoundingFormLabels; defaults?: FoundingDefaults }) {
  return (
    <ActionForm action={recordFoundingAction} className="form form--wide" hidden={defaults ? { replacesId: defaults.replacesId } : undefined}>
      {(state) => {
        const f = (name: keyof Omit<FoundingDefaults, "replacesId">) => ({ defaultValue: kept(state, name, defaults?.[name] ?? ""), errors: fieldErrors(state, name) });
        return (
          <>
            <div className="grid">
              <Field name="creditCode" label={labels.creditCode} required maxLength={18} autoComplete="off" readOnly={Boolean(defaults)} {...f("creditCode")} />
              <Field name="unionName" label={labels.unionName} required {...f("unionName")} />
              <Field name="foundedOn" label={labels.foundedOn} type="date" required {...f("foundedOn")} />
              <Field name="memberCount" label={labels.memberCount} hint={labels.memberCountHint} type="number" min={1} inputMode="numeric" required {...f("memberCount")} />
            </div>
            {fieldErrors(state, "replacesId") ? <p className="notice notice--error" role="alert">{fieldErrors(state, "replacesId")!.join(" ")}</p> : null}
            <SubmitButton>{defaults ? labels.correct : labels.submit}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
