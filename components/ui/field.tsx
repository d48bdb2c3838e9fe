import type { ReactNode } from "react";
import { LabelledField } from "@/components/ui/labelled-field";

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
  children?: ReactNode;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "name" | "children">;

/** A labelled input (id = name) with its hint and errors tied to it; `children` replaces the input. */
export function Field({ name, label, hint, errors, required, children, ...input }: FieldProps) {
  return (
    <LabelledField id={name} label={label} hint={hint} errors={errors} required={required}>
      {(aria) => children ?? <input name={name} {...aria} {...input} />}
    </LabelledField>
  );
}
