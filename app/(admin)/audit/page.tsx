import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { auditChainStatus, recentAuditEvents } from "@/lib/audit/queries";
import Link from "next/link";
import { StatsNav } from "@/components/stats/stats-link";

export default async function AuditHome() {
  const actor = await requireSection("audit");
  const [config, t, home, format, events, chain] = await Promise.all([
    getTranslations("configAudit"),
    getTranslations("audit"),
    getTranslations("home"),
    getFormatter(),
    recentAuditEvents(actor),
    auditChainStatus(actor),
  ]);
  return (
    <>
      <StatsNav href="/audit/stats" />
      <h1>{home("auditTitle")}</h1>
      <nav className="actions section-links" aria-label={config("title")}>
        <Link href="/audit/config" className="btn btn--secondary btn--small">{config("link")}</Link>
      </nav>
      <p className={`notice ${chain.ok ? "notice--success" : "notice--error"}`} data-testid="chain-status">
        {chain.ok ? t("chainOk", { n: chain.checked }) : t("chainBroken", { id: String(chain.brokenAtId), reason: chain.reason })}
      </p>
      <h2>{t("events")}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead><tr><th>#</th><th>{t("at")}</th><th>{t("action")}</th><th>{t("entity")}</th></tr></thead>
          <tbody>
            {events.map((e) => (
              <tr key={String(e.id)}>
                <td>{String(e.id)}</td>
                <td>{format.dateTime(e.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                <td><code>{e.action}</code></td>
                <td>{e.entityType} {e.entityId.slice(0, 8)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
