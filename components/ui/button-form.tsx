"use client";
import type { ActionState } from "@/lib/actions/state";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** An action that is one button (start, renew, unlock, remove…): the ids ride in hidden fields. */
export function ButtonForm({ action, hidden, label, variant = "secondary", className = "" }: {
  action: FormAction;
  hidden?: Record<string, string | number>;
  label: string;
  variant?: "primary" | "secondary" | "danger";
  className?: string;
}) {
  return (
    <ActionForm action={action} hidden={hidden} className={className}>
      {() => <SubmitButton variant={variant}>{label}</SubmitButton>}
    </ActionForm>
  );
}
