import Link from "next/link";
import { InboxLinkView } from "@/components/inbox/inbox-link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireSection } from "@/lib/auth/actor";
import { applicantDashboardView } from "@/lib/applications/dashboard-view";
import { formatFen } from "@/lib/money/fen";
import { unreadCount } from "@/lib/notifications/inbox-queries";
import { ApplicationTable } from "@/components/applications/application-table";
import { EligibilityNotice } from "@/components/applications/eligibility-notice";
import type { EligibilityCode } from "@/lib/applications/eligibility";
import { RenewForm, StartApplicationForm } from "@/components/applications/case-buttons";

const PERSONAL_BLOCKS: ReadonlySet<EligibilityCode> = new Set(["NOT_MEMBER", "NO_CONSENT", "CONSENT_CHANGED"]);

// Every part of the page is a plain component given its words and data: an async component inside
// the page is rendered apart and outlined as a row of its own in the page's inline payload.
export default async function ApplicantHome() {
  const actor = await requireSection("applicant");
  const [t, a, loanStatus, format, { rows, overview, eligibility }, unread, inbox, table, history, status, caseActions] = await Promise.all([
    getTranslations("home"),
    getTranslations("applicant"),
    getTranslations("case.loanStatus"),
    getFormatter(),
    applicantDashboardView(actor),
    unreadCount(actor),
    getTranslations("inbox"),
    getTranslations("table"),
    getTranslations("history"),
    getTranslations("status"),
    getTranslations("applicant.caseActions"),
  ]);
  // The person's own blocks (profile, consents) are the notice at the top; each enterprise's card, its own.
  const blocksOf = (enterpriseId: string) => (eligibility.get(enterpriseId) ?? []).filter((b) => !PERSONAL_BLOCKS.has(b.code));
  // The notices' words only when an enterprise has one to show (a translator is built per namespace and request).
  const noticeWords = overview?.enterprises.some((e) => blocksOf(e.id).length)
    ? await Promise.all([getTranslations("errors.eligibility"), getTranslations()]).then(([blocked, root]) => ({ t: blocked, a, root }))
    : null;
  const ready = overview?.profileComplete && overview.consents.sensitive && overview.consents.credit;
  return (
    <>
      <h1>{t("applicantTitle")}</h1>
      <p className="lead">{t("welcome", { name: actor.displayName })}</p>
      {overview?.consents.changed ? (
        <p className="notice notice--warn" data-testid="consent-changed">
          {a.rich("home.consentChanged", { link: (chunks) => <Link href="/applicant/profile">{chunks}</Link> })}
        </p>
      ) : !ready ? (
        <p className="notice notice--warn" data-testid="setup-needed">
          {a.rich("home.setupNeeded", { link: (chunks) => <Link href="/applicant/profile">{chunks}</Link> })}
        </p>
      ) : null}
      <div className="actions" style={{ marginBottom: "1rem" }}>
        <Link href="/applicant/profile" className="btn btn--secondary btn--small">{a("profile.title")}</Link>
        <Link href="/applicant/enterprises/new" className="btn btn--secondary btn--small">{a("enterprise.newTitle")}</Link>
        <InboxLinkView href="/applicant/inbox" unread={unread} t={inbox} />
      </div>
      <h2>{a("home.applications")}</h2>
      <ApplicationTable rows={rows} hrefBase="/applicant/applications" now={new Date()} words={{ t: table, history, status }}
        date={(d) => format.dateTime(d, { dateStyle: "medium" })} />
      <h2>{a("home.enterprises")}</h2>
      {overview?.enterprises.length ? (
        overview.enterprises.map((e) => (
          <section key={e.id} className="card" data-testid="enterprise-card">
            <div className="actions" style={{ justifyContent: "space-between" }}>
              <div>
                <strong>{e.name}</strong> <small className="who">{e.creditCode}</small>{" "}
                <Link href={`/applicant/enterprises/${e.id}`}>{a("home.edit")}</Link>
              </div>
              {ready ? <StartApplicationForm enterpriseId={e.id} label={caseActions("start")} /> : null}
            </div>
            {noticeWords ? <EligibilityNotice blocks={blocksOf(e.id)} about="enterprise" words={noticeWords} /> : null}
            {e.loans.length ? (
              <div className="table-wrap" style={{ marginTop: ".8rem" }}>
                <table className="table">
                  <caption className="who" style={{ textAlign: "left", padding: ".4rem .7rem" }}>{a("home.loansCaption")}</caption>
                  <thead><tr><th>{a("home.contractNo")}</th><th className="num">{a("home.amount")}</th><th>{a("home.disbursedOn")}</th><th>{a("home.maturityOn")}</th><th>{a("home.status")}</th><th /></tr></thead>
                  <tbody>
                    {e.loans.map((l) => (
                      <tr key={l.id}>
                        <td><Link href={`/applicant/loans/${l.id}`}>{l.contractNo}</Link></td>
                        <td className="num">{formatFen(l.principalFen)}</td>
                        <td>{l.disbursedOn ? format.dateTime(l.disbursedOn, { dateStyle: "medium", timeZone: "UTC" }) : "—"}</td>
                        <td>{l.maturityOn ? format.dateTime(l.maturityOn, { dateStyle: "medium", timeZone: "UTC" }) : "—"}</td>
                        <td>{loanStatus(l.status)}</td>
                        <td>{l.renewable && ready ? <RenewForm loanId={l.id} label={caseActions("renew")} /> : null}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        ))
      ) : (
        <p className="notice notice--info">
          {a.rich("home.noEnterprise", { link: (chunks) => <Link href="/applicant/enterprises/new">{chunks}</Link> })}
        </p>
      )}
    </>
  );
}
