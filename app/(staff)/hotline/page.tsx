import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { rootTranslator } from "@/lib/i18n/reader";
import { wordIn } from "@/lib/i18n/words";
import Link from "next/link";
import { hotlineHomeView } from "@/lib/hotline/home-view";
import { callSearchSchema } from "@/lib/hotline/schemas";
import { beijingToday } from "@/lib/calendar/beijing";
import { LogCallForm } from "@/components/hotline/call-forms";
import { HotlineCallTable } from "@/components/hotline/call-table";
import { AssistedCaseTable } from "@/components/intake/assisted-case-table";
import { InboxLink } from "@/components/inbox/inbox-link";
import { Field } from "@/components/ui/field";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("hotline"))("title") };
}

/** The hotline desk: follow-ups due, a call to record, the recent calls and the cases started from calls. */
export default async function HotlineHome({ searchParams }: { searchParams: Promise<{ mobile?: string; cursor?: string }> }) {
  const actor = await requireSection("hotline");
  if (actor.kind !== "STAFF") notFound();
  const today = beijingToday();
  const { mobile: typed = "", cursor } = await searchParams;
  const search = typed ? callSearchSchema.safeParse({ mobile: typed }) : null;
  // zod issues carry catalogue keys: worded in the reader's language.
  const searchIssue = search && !search.success ? search.error.issues[0]?.message : undefined;
  const searchError = searchIssue === undefined ? undefined : wordIn(await rootTranslator(), searchIssue);
  const mobile = search?.success ? search.data.mobile : null;
  const [t, home, links, { due, calls, cases }] = await Promise.all([
    getTranslations("hotline"), getTranslations("home"), getTranslations("applicant.sectionLinks"),
    hotlineHomeView(actor, { cursor, mobile, refused: Boolean(searchError) }, today),
  ]);
  const more = calls.nextCursor ? `/hotline?${new URLSearchParams({ ...(mobile ? { mobile } : {}), cursor: calls.nextCursor })}#recent-title` : null;
  return (
    <ClientMessages namespaces={["hotline.form"]}>
      <h1>{home("hotlineTitle")}</h1>
      <p className="lead">{t("lead")}</p>
      <nav className="actions section-links" aria-label={links("label")}>
        <InboxLink actor={actor} href="/hotline/inbox" />
      </nav>

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
        <form method="get" action="/hotline#recent-title" className="queue-filters" role="search" aria-label={t("search.label")}>
          <Field id="call-search-mobile" label={t("search.mobile")} frameClass="queue-filters__search" name="mobile" type="tel" inputMode="tel" maxLength={11} defaultValue={typed} autoComplete="off" aria-invalid={searchError ? true : undefined} aria-describedby={searchError ? "call-search-error" : undefined} />
          <div className="actions">
            <button type="submit" className="btn btn--secondary">{t("search.submit")}</button>
            {typed ? <Link href="/hotline#recent-title" className="btn btn--secondary">{t("search.clear")}</Link> : null}
          </div>
        </form>
        {searchError ? <p id="call-search-error" className="notice notice--error" role="alert">{searchError}</p> : null}
        <HotlineCallTable rows={calls.rows} empty={mobile ? t("search.none") : t("recentEmpty")} testId="recent-calls" />
        {more ? <p><Link href={more} className="btn btn--secondary" data-testid="calls-more">{t("search.more")}</Link></p> : null}
      </section>

      <section aria-labelledby="cases-title">
        <h2 id="cases-title">{t("casesTitle")}</h2>
        <AssistedCaseTable rows={cases} linkBase="/hotline/cases" />
      </section>
    </ClientMessages>
  );
}
