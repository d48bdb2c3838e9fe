"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A panel folded under its summary, drawn on the server only when it starts open, else the first
 * time it is opened (then kept, so what was typed in it and a form's last result survive folding
 * it again). For long folded read-outs that most readers never open (an earlier loan's servicing).
 */
export function FoldedPanel({ summary, children, open = false, action }: { summary: ReactNode; children: ReactNode; open?: boolean; action?: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [opened, setOpened] = useState(open);
  // Opened before the page's script ran (the toggle event went unheard): draw it now.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details ref={ref} className="case-step" data-action={action} open={open} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}

/**
 * A form folded away under its summary (returning, refusing, a note…), drawn the first time it
 * is opened. Folded, it costs the server no rendering and the browser no hydration: a case page
 * carries up to five of them, and these forms need the page's script to submit in any case.
 */
export function FoldedForm({ summary, children, action }: { summary: ReactNode; children: ReactNode; action: string }) {
  return <FoldedPanel summary={summary} action={action}>{children}</FoldedPanel>;
}
