import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { dueFollowUps, recentHotlineCalls } from "@/lib/hotline/queries";
import { assistedCases } from "@/lib/intake/queries";
import { beijingToday } from "@/lib/calendar/beijing";
import { LogCallForm } from "@/components/hotline/call-forms";
import { HotlineCallTable } from "@/components/hotline/call-table";
import { AssistedCaseTable } from "@/components/intake/assisted-case-table";

export async function generateMetadata() {
  return { title: (await getTranslations("hotline"))("title") };
}

/** The hotline desk: follow-ups due, a call to record, the recent calls and the cases started from calls. */
export default async function HotlineHome() {
  const actor = await requireSection("hotline");
  if (actor.kind !== "STAFF") notFound();
  const today = beijingToday();
  const [t, home, due, recent, cases] = await Promise.all([
    getTranslations("hotline"), getTranslations("home"), dueFollowUps(actor, today), recentHotlineCalls(actor, today), assistedCases(actor),
  ]);
  return (
    <>
      <h1>{home("hotlineTitle")}</h1>
      <p className="lead">{t("lead")}</p>

      <section aria-labelledby="due-title">
        <h2 id="due-title">{t("dueTitle")}{due.length ? ` (${due.length})` : ""}</h2>
        <HotlineCallTable rows={due} empty={t("dueEmpty")} testId="follow-ups-due" />
      </section>

      <section className="card" aria-labelledby="log-title">
        <h2 id="log-title">{t("logTitle")}</h2>
        <LogCallForm today={today} />
      </section>

      <section aria-labelledby="recent-title">
        <h2 id="recent-title">{t("recentTitle")}</h2>
        <HotlineCallTable rows={recent} empty={t("recentEmpty")} testId="recent-calls" />
      </section>

      <section aria-labelledby="cases-title">
        <h2 id="cases-title">{t("casesTitle")}</h2>
        <AssistedCaseTable rows={cases} linkBase="/hotline/cases" />
      </section>
    </>
  );
}
