import type { ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children?: ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "children">;

/** A labelled input with its hint and errors tied to it for screen readers. */
export function Field({ name, label, hint, errors, required, children, ...input }: FieldProps) {
  const errorId = errors?.length ? `${name}-error` : undefined;
  const hintId = hint ? `${name}-hint` : undefined;
  return (
    <div className={`field${errors?.length ? " field--invalid" : ""}`}>
      <label htmlFor={name}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {children ?? (
        <input
          id={name}
          name={name}
          required={required}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
          {...input}
        />
      )}
      {hint ? <p id={hintId} className="field__hint">{hint}</p> : null}
      {errors?.length ? (
        <p id={errorId} className="field__error" role="alert">
          {errors.join("；")}
        </p>
      ) : null}
    </div>
  );
}
