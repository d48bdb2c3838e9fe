"use client";
import type { InputHTMLAttributes } from "react";
import type { ActionState } from "@/lib/actions/state";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { Field } from "@/components/ui/field";

// Fields of an action form, bound to its state: the errors the action returned for the field, and
// the value the user sent back after a refusal. Several forms may share a page (a case's steps, the
// subsidy lines), so ids carry the form's prefix. A field is required unless marked optional.

export type Option = { id: string; name: string };

type Bound = { form: string; state: ActionState; name: string; label: string; hint?: string; optional?: boolean };

export function TextField({ form, state, name, label, hint, optional, fallback = "", ...input }: Bound & {
  fallback?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "defaultValue" | "form" | "required">) {
  return (
    <Field id={`${form}-${name}`} label={label} hint={hint} required={!optional} errors={fieldErrors(state, name)}>
      {(control) => <input {...control} {...input} name={name} defaultValue={kept(state, name, fallback)} />}
    </Field>
  );
}

export function TextAreaField({ form, state, name, label, hint, optional, fallback = "", maxLength = 500, rows, placeholder }: Bound & {
  fallback?: string;
  maxLength?: number;
  rows?: number;
  placeholder?: string;
}) {
  return (
    <Field id={`${form}-${name}`} label={label} hint={hint} required={!optional} errors={fieldErrors(state, name)}>
      {(control) => <textarea {...control} name={name} rows={rows} maxLength={maxLength} placeholder={placeholder} defaultValue={kept(state, name, fallback)} />}
    </Field>
  );
}

export function SelectField({ form, state, name, label, hint, optional, options, fallback = "", placeholder }: Bound & {
  options: Option[];
  fallback?: string;
  placeholder?: string;
}) {
  return (
    <Field id={`${form}-${name}`} label={label} hint={hint} required={!optional} errors={fieldErrors(state, name)}>
      {(control) => (
        // Keyed by its value: React does not re-apply a changed defaultValue to a mounted select,
        // and its reset after an action would otherwise bring back the first default.
        <select key={kept(state, name, fallback)} {...control} name={name} defaultValue={kept(state, name, fallback)}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      )}
    </Field>
  );
}

/** A checkbox: ticked as the user sent it after a refusal, else as `defaultChecked`. */
export function CheckField({ form, state, name, label, defaultChecked = false }: Omit<Bound, "hint" | "optional"> & { defaultChecked?: boolean }) {
  const checked = state.status === "error" ? state.fields?.[name] === "on" : defaultChecked;
  return (
    <Field id={`${form}-${name}`} label={label} errors={fieldErrors(state, name)} checkbox>
      {(control) => (
        // Keyed by its state: a mounted checkbox keeps its own, whatever defaultChecked says later.
        <input key={String(checked)} {...control} type="checkbox" name={name} defaultChecked={checked} />
      )}
    </Field>
  );
}
