import type { ReactNode } from "react";

/** The narrow card the sign-in pages share: a title, then the page's own lines and form. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="page--narrow">
      <section className="card">
        <h1>{title}</h1>
        {children}
      </section>
    </div>
  );
}
