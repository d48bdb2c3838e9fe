import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { beijingDayOf } from "@/lib/calendar/beijing";
import { statisticsPage } from "@/lib/stats/snapshot-queries";
import { ProgrammeStats } from "@/components/stats/programme-stats";
import { InsightSection } from "@/components/stats/insight-section";
import { StatisticsPreparing } from "@/components/stats/statistics-preparing";
import { pageHref } from "@/components/stats/page-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

export default async function AuditStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSection("audit");
  const params = await searchParams;
  const page = await statisticsPage(actor, params);
  if (page.state === "preparing") return <StatisticsPreparing href={pageHref("/audit/stats", params)} />;
  const { body, request } = page;
  return (
    <>
      <ProgrammeStats figures={body.programme} action="/audit/stats" today={beijingDayOf(new Date())} invalidDate={request.invalidDate} computedAt={page.computedAt} />
      <InsightSection params={params} action="/audit/stats" years={body.programme.years} figures={body.insight.figures}
        error={request.periodError ?? body.insight.error} orgs={body.partners} start={body.programmeStart} />
    </>
  );
}
