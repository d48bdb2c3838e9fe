import { notFound } from "next/navigation";
import { requireSection } from "@/lib/auth/actor";
import { staffCaseView } from "@/lib/reviews/case-view";
import { CasePage } from "@/components/reviews/case-page";
import { ClientMessages } from "@/components/layout/client-messages";

/** The staff sections whose case pages are the one case page (the hotline's shows what it entered). */
export type CaseSection = "center" | "guarantor" | "bank" | "agent";

/** The case route of one staff section: the section authorises, the view reads, the page renders. */
export function staffCaseRoute(section: CaseSection) {
  return async function CaseRoute({ params }: { params: Promise<{ id: string }> }) {
    const actor = await requireSection(section);
    if (actor.kind !== "STAFF") notFound();
    const view = await staffCaseView(actor, (await params).id);
    if (!view) notFound();
    return (
      <ClientMessages namespaces={["case.actions", "case.form", "exceptions.document", "exceptions.form", "exceptions.type"]}>
        <CasePage actor={actor} view={view} basePath={`/${section}`} />
      </ClientMessages>
    );
  };
}
