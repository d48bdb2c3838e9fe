import type { InputHTMLAttributes, ReactNode } from "react";

/** What a control needs to be tied to its label, hint and errors; spread it on the control. */
export type FieldControl = { id: string; "aria-invalid"?: true; "aria-describedby"?: string; required?: boolean };

type FieldProps = {
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  /** A further class on the field's frame (the queue's search box is wider). */
  frameClass?: string;
  /** A checkbox sits inside its label, before the text, and is never marked required. */
  checkbox?: boolean;
  /** The control, when not a plain input: a select, a textarea, a checkbox. */
  children?: (control: FieldControl) => ReactNode;
} & (
  // The id is the name unless given: a page holding several forms with the same field names
  // (`comment`) prefixes ids with the form to keep them unique.
  { name: string; id?: string } | { name?: undefined; id: string }
) & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "children" | "required">;

/**
 * The one form field: a label (with the required mark), the control, its hint and its errors,
 * both tied to the control by aria-describedby.
 */
export function Field({ name, id = name!, label, hint, errors, required, frameClass, checkbox, children, ...input }: FieldProps) {
  const invalid = Boolean(errors?.length);
  const errorId = invalid ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  const control: FieldControl = {
    id,
    ...(invalid ? { "aria-invalid": true } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(required ? { required: true } : {}),
  };
  const rendered = children ? children(control) : <input name={name} {...control} {...input} />;
  const hintLine = hint ? <p id={hintId} className="field__hint">{hint}</p> : null;
  const errorLine = invalid ? <p id={errorId} className="field__error" role="alert">{errors!.join(" ")}</p> : null;
  if (checkbox) {
    // Not inside .field: its input rule would stretch the box to a 44 px text field.
    return (
      <div className={invalid ? "field--invalid" : undefined}>
        <label className="checkbox" htmlFor={id}>
          {rendered}
          <span>{label}</span>
        </label>
        {hintLine}
        {errorLine}
      </div>
    );
  }
  return (
    <div className={["field", invalid ? "field--invalid" : "", frameClass ?? ""].filter(Boolean).join(" ")}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="required" aria-hidden="true"> *</span> : null}
      </label>
      {rendered}
      {hintLine}
      {errorLine}
    </div>
  );
}
