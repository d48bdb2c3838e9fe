import type { ActionState } from "@/lib/actions/state";

export function FormMessage({ state }: { state: ActionState }) {
  if (state.status === "idle" || !state.message) return null;
  return (
    <p className={`notice notice--${state.status}`} role={state.status === "error" ? "alert" : "status"}>
      {state.message}
    </p>
  );
}

export const fieldErrors = (state: ActionState, name: string): string[] | undefined =>
  state.status === "error" ? state.fieldErrors?.[name] : undefined;

export const fieldValue = (state: ActionState, name: string, fallback = ""): string =>
  state.status !== "idle" ? (state.fields?.[name] ?? fallback) : fallback;

/** What was typed survives an error; after a success the form starts from its defaults again. */
export const kept = (state: ActionState, name: string, fallback = ""): string =>
  state.status === "error" ? fieldValue(state, name, fallback) : fallback;
