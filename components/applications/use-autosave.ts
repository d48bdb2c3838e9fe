"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { AutosaveState } from "@/lib/applications/autosave-state";

type Save = (prev: AutosaveState, data: FormData) => Promise<AutosaveState>;

export type AutosaveView =
  | { phase: "idle" | "pending" | "saving"; savedAt?: string }
  | { phase: "saved"; savedAt: string }
  | { phase: "retrying"; savedAt?: string }
  | { phase: "refused"; message: string; savedAt?: string };

const DEBOUNCE_MS = 1_000;
const RETRY_MS = [2_000, 5_000, 10_000, 20_000];

/**
 * Debounced autosave of a form: a moment after the last change, the whole form goes to `save`
 * (the server keeps it even when invalid). A failed request (network, server down) keeps the
 * input in memory, says so, and tries again with growing pauses until it lands; a newer change
 * always wins over an older one. Leaving the page while something is unsaved asks first.
 */
export function useAutosave(save: Save, identity: Record<string, string>, initial?: { savedAt?: string; fieldErrors?: Record<string, string[]> }) {
  const [view, setView] = useState<AutosaveView>(initial?.savedAt ? { phase: "saved", savedAt: initial.savedAt } : { phase: "idle" });
  const [hints, setHints] = useState<Record<string, string[]>>(initial?.fieldErrors ?? {});
  const latest = useRef<FormData | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const attempts = useRef(0);
  const busy = useRef(false);
  const savedAt = useRef(initial?.savedAt);
  // After a change, the autosave's hints are newer than the errors of the form's last sending.
  const [changedSinceSubmit, setChangedSinceSubmit] = useState(false);

  // The retry timer and the follow-up save call the latest flush through this ref.
  const again = useRef<() => void>(() => undefined);
  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const data = latest.current;
    if (!data || busy.current) return;
    busy.current = true;
    setView({ phase: "saving", savedAt: savedAt.current });
    let newer = false;
    try {
      const result = await save({ status: "idle" }, data);
      attempts.current = 0;
      if (result.status === "saved") {
        savedAt.current = result.savedAt;
        setHints(result.fieldErrors);
        setView({ phase: "saved", savedAt: result.savedAt });
      } else if (result.status === "error") {
        setView({ phase: "refused", message: result.message, savedAt: savedAt.current });
      }
      if (latest.current === data) latest.current = null;
      else newer = true;
    } catch {
      // Nothing reached the server: keep the input and try again.
      const pause = RETRY_MS[Math.min(attempts.current, RETRY_MS.length - 1)]!;
      attempts.current += 1;
      setView({ phase: "retrying", savedAt: savedAt.current });
      timer.current = setTimeout(() => again.current(), pause);
    } finally {
      busy.current = false;
    }
    if (newer) again.current();
  }, [save]);
  useEffect(() => {
    again.current = () => void flush();
  }, [flush]);

  const onChange = useCallback((form: HTMLFormElement) => {
    const data = new FormData(form);
    for (const [name, value] of Object.entries(identity)) data.set(name, value);
    latest.current = data;
    setChangedSinceSubmit(true);
    setView({ phase: "pending", savedAt: savedAt.current });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), attempts.current ? RETRY_MS[0] : DEBOUNCE_MS);
  }, [flush, identity]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("beforeunload", warn);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const onSubmit = useCallback(() => setChangedSinceSubmit(false), []);
  /** The errors to show for a field: the last sending's, unless the field changed since. */
  const errorsFor = useCallback(
    (sent: string[] | undefined, name: string) => (changedSinceSubmit ? hints[name] : (sent ?? hints[name])),
    [changedSinceSubmit, hints],
  );
  return { view, hints, onChange, onSubmit, flush, errorsFor };
}
