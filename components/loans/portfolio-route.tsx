import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { PortfolioPage } from "@/components/loans/portfolio-page";
import { pageTitle } from "@/components/page-title";

/** The sections with a loan portfolio page. */
export type PortfolioSection = "center" | "guarantor" | "bank";

export const portfolioMetadata = pageTitle("loans");

/** The loans route of one staff section: its own title, its own paths. */
export function portfolioRoute(section: PortfolioSection) {
  return async function LoansRoute({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
    const actor = await requireSection(section);
    if (actor.kind !== "STAFF") notFound();
    const t = await getTranslations("portfolio");
    return <PortfolioPage actor={actor} title={t(`title.${section}`)} basePath={`/${section}/loans`} caseBase={`/${section}/cases`} searchParams={await searchParams} />;
  };
}
