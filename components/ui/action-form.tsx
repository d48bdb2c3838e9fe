"use client";
import { useActionState, type ReactNode } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FormMessage } from "@/components/ui/form-message";

type FormActionFn = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * A form bound to a server action through useActionState. Children receive the last state, so
 * fields can show their errors and keep what was typed (React resets the form after an action).
 */
export function ActionForm({ action, children, className = "form", hidden, id, onChange, onSubmit }: {
  action: FormActionFn;
  children: (state: ActionState) => ReactNode;
  className?: string;
  hidden?: Record<string, string | number>;
  /** Lets inputs elsewhere on the page join this form (their `form` attribute). */
  id?: string;
  /** Called with the form after any of its fields changed (autosave listens here). */
  onChange?: (form: HTMLFormElement) => void;
  onSubmit?: () => void;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form id={id} action={formAction} className={className} noValidate onChange={onChange ? (e) => onChange(e.currentTarget) : undefined} onSubmit={onSubmit}>
      <FormMessage state={state} />
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={String(value)} />
      ))}
      {children(state)}
    </form>
  );
}
