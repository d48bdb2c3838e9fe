import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { beijingDayOf } from "@/lib/calendar/beijing";
import { statisticsPage } from "@/lib/stats/snapshot-queries";
import { ProgrammeStats } from "@/components/stats/programme-stats";
import { InsightSection } from "@/components/stats/insight-section";
import { StatisticsPreparing } from "@/components/stats/statistics-preparing";
import { IntakeChannelStats } from "@/components/intake/channel-stats";
import { pageHref } from "@/components/stats/page-href";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

export default async function CentreStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSection("center");
  const params = await searchParams;
  const page = await statisticsPage(actor, params);
  if (page.state === "preparing") return <StatisticsPreparing href={pageHref("/center/stats", params)} />;
  const { body, request } = page;
  return (
    <>
      <ProgrammeStats figures={body.programme} action="/center/stats" today={beijingDayOf(new Date())} invalidDate={request.invalidDate} computedAt={page.computedAt} />
      <IntakeChannelStats rows={body.channels} />
      <InsightSection params={params} action="/center/stats" years={body.programme.years} figures={body.insight.figures}
        error={request.periodError ?? body.insight.error} orgs={body.partners} start={body.programmeStart} />
    </>
  );
}
