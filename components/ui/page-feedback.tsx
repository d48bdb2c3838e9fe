"use client";
import { createContext, startTransition, useCallback, useContext, useState, type ReactNode } from "react";
import type { ActionState } from "@/lib/actions/state";

type FormActionFn = (state: ActionState, formData: FormData) => Promise<ActionState>;

const Report = createContext<(message: string | null) => void>(() => {});
const Message = createContext<string | null>(null);

/**
 * A step's form disappears once the step is done (the case or batch moved on, a query was answered),
 * and its success message with it; the page keeps the last one in a notice that stays in view.
 */
export function PageFeedback({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Report value={setMessage}>
      <Message value={message}>{children}</Message>
    </Report>
  );
}

export function PageFeedbackNotice() {
  const message = useContext(Message);
  return (
    <div aria-live="polite" style={{ position: "sticky", top: 0, zIndex: 5 }}>
      {message ? <p className="notice notice--success" data-testid="page-feedback" style={{ marginBottom: ".8rem" }}>{message}</p> : null}
    </div>
  );
}

/** The action, reporting its success message to the page (in a transition, with the refreshed data). */
export function useReportedAction(action: FormActionFn): FormActionFn {
  const report = useContext(Report);
  return useCallback(
    async (state, formData) => {
      report(null);
      const result = await action(state, formData);
      if (result.status === "success") startTransition(() => report(result.message));
      return result;
    },
    [action, report],
  );
}
