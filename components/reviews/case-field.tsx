import type { ReactNode } from "react";

/**
 * A labelled control like components/ui/field.tsx, but with ids prefixed by the form: a case page
 * holds several forms with the same field names (`comment`), and ids must stay unique.
 */
export function CaseField({ id, label, hint, errors, required, children }: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children: (aria: { id: string; "aria-invalid"?: true; "aria-describedby"?: string; required?: boolean }) => ReactNode;
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, ...(errors?.length ? { "aria-invalid": true } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}), ...(required ? { required: true } : {}) })}
      {hint ? <p id={hintId} className="field__hint">{hint}</p> : null}
      {errors?.length ? (
        <p id={errorId} className="field__error" role="alert">
          {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}

/** A checkbox with its own error line (the recommendation checklist). */
export function CaseCheckbox({ id, name, label, checked, errors }: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  errors?: string[];
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={errors?.length ? "field--invalid" : undefined}>
      <label className="checkbox" htmlFor={id}>
        <input key={String(checked)} id={id} type="checkbox" name={name} defaultChecked={checked} aria-invalid={errors?.length ? true : undefined} aria-describedby={errorId} />
        <span>{label}</span>
      </label>
      {errors?.length ? <p id={errorId} className="field__error" role="alert">{errors.join("；")}</p> : null}
    </div>
  );
}
