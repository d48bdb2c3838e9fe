import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { HotlineCallRow } from "@/lib/hotline/queries";

/** Hotline calls, the caller's mobile masked; each opens the call's page. */
export async function HotlineCallTable({ rows, empty, testId }: { rows: HotlineCallRow[]; empty: string; testId: string }) {
  const [t, format] = await Promise.all([getTranslations("hotline"), getFormatter()]);
  if (rows.length === 0) return <p className="notice notice--info" data-testid={testId}>{empty}</p>;
  return (
    <div className="table-wrap">
      <table className="table table--stack" data-testid={testId}>
        <thead>
          <tr>
            <th>{t("columns.createdAt")}</th>
            <th>{t("columns.caller")}</th>
            <th>{t("columns.mobile")}</th>
            <th>{t("columns.topic")}</th>
            <th>{t("columns.outcome")}</th>
            <th>{t("columns.followUpOn")}</th>
            <th>{t("columns.operator")}</th>
            <th>{t("columns.application")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td data-label={t("columns.createdAt")}>
                <Link href={`/hotline/calls/${r.id}`}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Link>
              </td>
              <td data-label={t("columns.caller")}>{r.callerName}</td>
              <td data-label={t("columns.mobile")}>{r.callerMobileMasked}</td>
              <td data-label={t("columns.topic")}>{t(`form.topics.${r.topic}`)}</td>
              <td data-label={t("columns.outcome")}>{t(`form.outcomes.${r.outcome}`)}</td>
              <td data-label={t("columns.followUpOn")}>
                {r.followUpOn ?? "—"}{r.followUpDone ? ` · ${t("followUpDone")}` : ""}
              </td>
              <td data-label={t("columns.operator")}>{r.operatorName}</td>
              <td data-label={t("columns.application")}>{r.application?.number ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
