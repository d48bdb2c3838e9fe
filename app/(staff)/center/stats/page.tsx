import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { beijingDayOf, beijingNoon } from "@/lib/calendar/beijing";
import { parseAsOfParam } from "@/lib/stats/as-of";
import { programmeFigures } from "@/lib/stats/queries";
import { ProgrammeStats } from "@/components/stats/programme-stats";
import { InsightSection } from "@/components/stats/insight-section";
import { intakeChannelCounts } from "@/lib/stats/intake-channels";
import { IntakeChannelStats } from "@/components/intake/channel-stats";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("stats"))("title") };
}

export default async function CentreStatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireSection("center");
  const params = await searchParams;
  const choice = parseAsOfParam(params.asOf);
  const [figures, channels] = await Promise.all([programmeFigures(actor, { asOf: beijingNoon(choice.day) }), intakeChannelCounts(actor, choice.day)]);
  return (
    <>
      <ProgrammeStats figures={figures} action="/center/stats" today={beijingDayOf(new Date())} invalidDate={!choice.valid} />
      <IntakeChannelStats rows={channels} />
      <InsightSection actor={actor} params={params} action="/center/stats" years={figures.years} />
    </>
  );
}
