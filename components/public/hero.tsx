import type { ReactNode } from "react";
import Link from "next/link";

/** The public pages' opening: what the programme is, and the two ways in (apply, or sign in). */
export function PublicHero({ title, lead, apply, signIn, children }: { title: string; lead: string; apply: string; signIn: string; children?: ReactNode }) {
  return (
    <section className="hero">
      <h1>{title}</h1>
      <p>{lead}</p>
      <div className="actions">
        <Link href="/register" className="btn btn--primary">{apply}</Link>
        <Link href="/login" className="btn btn--secondary">{signIn}</Link>
      </div>
      {children}
    </section>
  );
}
