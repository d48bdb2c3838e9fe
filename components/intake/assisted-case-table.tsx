import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AssistedCaseRow } from "@/lib/intake/queries";
import { StatusBadge } from "@/components/applications/status-badge";

/** The cases a district union (or the hotline) took in: who waits for whom, and who entered each. */
export async function AssistedCaseTable({ rows, linkBase = "/agent/intake" }: { rows: AssistedCaseRow[]; linkBase?: string }) {
  const [t, format] = await Promise.all([getTranslations("intake"), getFormatter()]);
  if (rows.length === 0) return <p className="notice notice--info">{t("listEmpty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--stack" data-testid="assisted-cases">
        <thead>
          <tr>
            <th>{t("columns.number")}</th>
            <th>{t("columns.enterprise")}</th>
            <th>{t("columns.applicant")}</th>
            <th>{t("columns.channel")}</th>
            <th>{t("columns.agent")}</th>
            <th>{t("columns.status")}</th>
            <th>{t("columns.waiting")}</th>
            <th>{t("columns.createdAt")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label={t("columns.number")}><Link href={`${linkBase}/${r.id}`}>{r.number}</Link></td>
              <td data-label={t("columns.enterprise")}>{r.enterpriseName}</td>
              <td data-label={t("columns.applicant")}>{r.applicantName}</td>
              <td data-label={t("columns.channel")}>{t(`channel.${r.channel}`)}</td>
              <td data-label={t("columns.agent")}>{r.agentName ?? "—"}</td>
              <td data-label={t("columns.status")}><StatusBadge status={r.status} /></td>
              <td data-label={t("columns.waiting")}>{r.waitingForApplicant ? t("waitingApplicant") : t("submitted")}</td>
              <td data-label={t("columns.createdAt")}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
