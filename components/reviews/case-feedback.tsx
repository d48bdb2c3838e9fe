"use client";
import { createContext, startTransition, useCallback, useContext, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";

type FormActionFn = (state: ActionState, formData: FormData) => Promise<ActionState>;

const Report = createContext<(message: string | null) => void>(() => {});
const Message = createContext<string | null>(null);

/**
 * A step's form disappears once its step is done (the case moved on), and its success message
 * with it. The case page keeps the last one here, above the forms, so the user sees what happened.
 */
export function CaseFeedback({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Report value={setMessage}>
      <Message value={message}>{children}</Message>
    </Report>
  );
}

export function CaseFeedbackNotice() {
  const message = useContext(Message);
  return (
    <div aria-live="polite">
      {message ? <p className="notice notice--success" data-testid="case-feedback">{message}</p> : null}
    </div>
  );
}

/** The action, reporting its success message to the page. */
export function useReportedAction(action: FormActionFn): FormActionFn {
  const report = useContext(Report);
  return useCallback(
    async (state, formData) => {
      report(null);
      const result = await action(state, formData);
      // A transition, so the message shows together with the refreshed case, not before it.
      if (result.status === "success") startTransition(() => report(result.message));
      return result;
    },
    [action, report],
  );
}
