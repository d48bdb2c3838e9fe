"use client";
import type { InputHTMLAttributes } from "react";
import type { ActionState } from "@/lib/actions/state";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { LabelledField } from "@/components/ui/labelled-field";

// Several subsidy forms share a page (one per queried line), so ids carry the form's prefix.

export function TextInput({ form, name, label, state, fallback = "", hint, required, ...input }: {
  form: string;
  name: string;
  label: string;
  state: ActionState;
  fallback?: string;
  hint?: string;
  required?: boolean;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "form">) {
  return (
    <LabelledField id={`${form}-${name}`} label={label} hint={hint} required={required} errors={fieldErrors(state, name)}>
      {(aria) => <input {...aria} {...input} name={name} required={required} defaultValue={kept(state, name, fallback)} />}
    </LabelledField>
  );
}

export function TextArea({ form, name, label, state, hint, required, placeholder, maxLength = 500 }: {
  form: string;
  name: string;
  label: string;
  state: ActionState;
  hint?: string;
  required?: boolean;
  placeholder?: string;
  maxLength?: number;
}) {
  return (
    <LabelledField id={`${form}-${name}`} label={label} hint={hint} required={required} errors={fieldErrors(state, name)}>
      {(aria) => <textarea {...aria} name={name} rows={2} maxLength={maxLength} placeholder={placeholder} defaultValue={kept(state, name)} />}
    </LabelledField>
  );
}

export function CheckBox({ form, name, label, state, defaultChecked = false }: { form: string; name: string; label: string; state: ActionState; defaultChecked?: boolean }) {
  const errors = fieldErrors(state, name);
  const checked = state.status === "error" ? state.fields?.[name] === "on" : defaultChecked;
  // Not inside .field: its input rule would stretch the box to a 44 px text field.
  return (
    <div>
      <label className="checkbox">
        <input id={`${form}-${name}`} type="checkbox" name={name} defaultChecked={checked} aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${form}-${name}-error` : undefined} />
        <span>{label}</span>
      </label>
      {errors?.length ? <p id={`${form}-${name}-error`} className="field__error" role="alert">{errors.join("；")}</p> : null}
    </div>
  );
}
