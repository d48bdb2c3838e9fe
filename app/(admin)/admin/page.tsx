import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { listOrganisations, listPolicyVersions } from "@/lib/organisations/queries";
import { formatFen } from "@/lib/money/fen";

export default async function AdminHome() {
  const actor = await requireSection("admin");
  const [t, home, types, links, audit, format, orgs, policies] = await Promise.all([
    getTranslations("admin"),
    getTranslations("home"),
    getTranslations("orgTypes"),
    getTranslations("applicant"),
    getTranslations("audit"),
    getFormatter(),
    listOrganisations(actor),
    listPolicyVersions(actor),
  ]);
  return (
    <>
      <h1>{home("adminTitle")}</h1>
      <nav className="actions section-links" aria-label={links("sectionLinks.label")}>
        <Link href="/admin/outbox" className="btn btn--secondary btn--small">{links("outbox.title")}</Link>
        <Link href="/audit" className="btn btn--secondary btn--small">{audit("events")}</Link>
      </nav>
      <h2>{t("organisations")}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th>{t("organisations")}</th><th>{t("type")}</th><th className="num">{t("members")}</th></tr></thead>
          <tbody>
            {orgs.map((o) => (
              <tr key={o.id}><td>{o.nameZh}<br /><small>{o.nameEn}</small></td><td>{types(o.type)}</td><td className="num">{o.memberCount}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("policies")}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th>{t("version")}</th><th>{t("effectiveFrom")}</th><th className="num">{t("maxLoan")}</th><th className="num">{t("maxTerm")}</th><th className="num">{t("ratio")}</th></tr></thead>
          <tbody>
            {policies.map((p) => (
              <tr key={p.version}>
                <td>v{p.version}</td>
                <td>{format.dateTime(p.effectiveFrom, { dateStyle: "medium" })}</td>
                <td className="num">{formatFen(p.maxLoanFen)}</td>
                <td className="num">{p.maxTermMonths}</td>
                <td className="num">{(p.subsidyRatioBp / 100).toFixed(0)}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
