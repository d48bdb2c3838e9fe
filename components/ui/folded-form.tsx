"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A form folded away under its summary (returning, refusing, a note…), drawn the first time it
 * is opened and kept from then on, so what was typed and the form's last result survive folding
 * it again. Folded, it costs the server no rendering and the browser no hydration: a case page
 * carries up to five of them, and these forms need the page's script to submit in any case.
 */
export function FoldedForm({ summary, children, action }: { summary: ReactNode; children: ReactNode; action: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(false);
  // Opened before the page's script ran (the toggle event went unheard): draw it now.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} className="case-step" data-action={action} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}

/**
 * A panel of facts folded under its summary the same way: drawn on the server only when it starts
 * open, else the first time it is opened (then kept). For long folded read-outs (an earlier loan's
 * servicing) that most readers never open.
 */
export function FoldedPanel({ summary, children, open = false }: { summary: ReactNode; children: ReactNode; open?: boolean }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(open);
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} className="case-step" open={open} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
