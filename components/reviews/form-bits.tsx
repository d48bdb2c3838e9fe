"use client";
import type { InputHTMLAttributes } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { LabelledField } from "@/components/ui/labelled-field";
import type { PreviewContext } from "@/components/reviews/message-preview";
import type { PartnerRoute } from "@/lib/routing/rules";

export type Option = { id: string; name: string };

/** What every case form needs: the case, the version the user saw, and the page's defaults. */
export type CaseFormContext = {
  applicationId: string;
  version: number;
  needsChecker: boolean;
  guarantors: Option[];
  banks: Option[];
  routes: { GUARANTOR: PartnerRoute; BANK: PartnerRoute };
  rejectReasons: Option[];
  colleagues: Option[];
  currentUserId: string;
  /** What the applicant would be told, for the forms' previews. */
  preview: PreviewContext;
  defaults: {
    amountYuan: string;
    termMonths: string;
    principalYuan: string;
    disburseYuan: string;
    today: string;
    /** The one-year LPR in force today (lib/lpr), proposed as the approval's pricing reference. */
    lpr: { rateBp: number; effectiveFrom: string; reference: string } | null;
  };
};


export const ticked = (state: ActionState, name: string): boolean =>
  state.status === "error" && state.fields?.[name] === "on";

/** A decision's comment: a note between the organisations on the case, never sent to the applicant. */
export function CommentField({ form, state, label, hint }: { form: string; state: ActionState; label?: string; hint?: string }) {
  const t = useTranslations("case.form");
  return (
    <LabelledField id={`${form}-comment`} label={label ?? t("comment")} hint={hint ?? t("internalHint")} required errors={fieldErrors(state, "comment")}>
      {(aria) => <textarea {...aria} name="comment" defaultValue={kept(state, "comment")} maxLength={1000} />}
    </LabelledField>
  );
}

export function TextField({ form, state, name, label, hint, fallback = "", ...input }: {
  form: string;
  state: ActionState;
  name: string;
  label: string;
  hint?: string;
  fallback?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue" | "form">) {
  return (
    <LabelledField id={`${form}-${name}`} label={label} hint={hint} required errors={fieldErrors(state, name)}>
      {(aria) => <input {...aria} {...input} name={name} defaultValue={kept(state, name, fallback)} />}
    </LabelledField>
  );
}

export function SelectField({ form, state, name, label, options, fallback = "", placeholder, hint }: {
  form: string;
  state: ActionState;
  name: string;
  label: string;
  options: Option[];
  fallback?: string;
  placeholder?: string;
  hint?: string;
}) {
  return (
    <LabelledField id={`${form}-${name}`} label={label} hint={hint} required errors={fieldErrors(state, name)}>
      {(aria) => (
        // Keyed by its value: React does not re-apply a changed defaultValue to a mounted select,
        // and its reset after an action would otherwise bring back the first default.
        <select key={kept(state, name, fallback)} {...aria} name={name} defaultValue={kept(state, name, fallback)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      )}
    </LabelledField>
  );
}

/** The one organisation to route to is preselected; with several, the user chooses. */
export const onlyOption = (options: Option[]): string => (options.length === 1 ? options[0]!.id : "");

/** The partner a routing step sends the case to: a choice, or the rule's partner shown as such. */
export function PartnerField({ form, state, name, label, options, route }: {
  form: string; state: ActionState; name: string; label: string; options: Option[]; route: PartnerRoute;
}) {
  const t = useTranslations("case.form");
  const r = useTranslations("routing");
  if (route.by === "choice") {
    return <SelectField form={form} state={state} name={name} label={label} options={options} fallback={onlyOption(options)} placeholder={t("choose")} />;
  }
  return (
    <div className="field" data-testid={`${form}-routed`}>
      <span className="field__label">{label}</span>
      {route.name ? <p>{r("byRule", { name: route.name })}</p> : <p className="form-error" role="alert">{r("noRule")}</p>}
    </div>
  );
}
