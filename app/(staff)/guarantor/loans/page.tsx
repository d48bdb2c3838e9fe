import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { PortfolioPage } from "@/components/loans/portfolio-page";

export const metadata: Metadata = { title: "贷款" };

export default async function LoansRoute({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSection("guarantor");
  if (actor.kind !== "STAFF") notFound();
  const t = await getTranslations("portfolio");
  return <PortfolioPage actor={actor} title={t("title.guarantor")} basePath="/guarantor/loans" caseBase="/guarantor/cases" searchParams={await searchParams} />;
}
