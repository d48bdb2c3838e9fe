import type { ReactNode } from "react";

/**
 * A labelled control like components/ui/field.tsx whose id the caller chooses: a page that holds
 * several forms with the same field names (`comment`) prefixes ids with the form to keep them unique.
 */
export function LabelledField({ id, label, hint, errors, required, children }: {
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
