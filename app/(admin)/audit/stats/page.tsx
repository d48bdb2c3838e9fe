import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { beijingDayOf, beijingNoon } from "@/lib/calendar/beijing";
import { parseAsOfParam } from "@/lib/stats/as-of";
import { programmeFigures } from "@/lib/stats/queries";
import { ProgrammeStats } from "@/components/stats/programme-stats";
import { InsightSection } from "@/components/stats/insight-section";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

export default async function AuditStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSection("audit");
  const params = await searchParams;
  const choice = parseAsOfParam(params.asOf);
  const figures = await programmeFigures(actor, { asOf: beijingNoon(choice.day) });
  return (
    <>
      <ProgrammeStats figures={figures} action="/audit/stats" today={beijingDayOf(new Date())} invalidDate={!choice.valid} />
      <InsightSection actor={actor} params={params} action="/audit/stats" years={figures.years} />
    </>
  );
}
