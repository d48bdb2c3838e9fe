"use client";
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";

/** Disabled while its form is pending, so a double click sends one request. */
export function SubmitButton({ children, variant = "primary", name, value }: {
  children: ReactNode;
  variant?: "primary" | "secondary" | "danger";
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`btn btn--${variant}`} disabled={pending} aria-busy={pending} name={name} value={value}>
      {children}
    </button>
  );
}
