import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AssistedCaseRow } from "@/lib/intake/queries";
import { StatusBadge } from "@/components/applications/status-badge";
import { DataTable } from "@/components/ui/data-table";

/** The cases a district union (or the hotline) took in: who waits for whom, and who entered each. */
export async function AssistedCaseTable({ rows, linkBase = "/agent/intake" }: { rows: AssistedCaseRow[]; linkBase?: string }) {
  const [t, format] = await Promise.all([getTranslations("intake"), getFormatter()]);
  return (
    <DataTable rows={rows} rowKey={(r) => r.id} empty={t("listEmpty")} testId="assisted-cases" stack columns={[
      { header: t("columns.number"), cell: (r) => <Link href={`${linkBase}/${r.id}`}>{r.number}</Link> },
      { header: t("columns.enterprise"), cell: (r) => r.enterpriseName },
      { header: t("columns.applicant"), cell: (r) => r.applicantName },
      { header: t("columns.channel"), cell: (r) => t(`channel.${r.channel}`) },
      { header: t("columns.agent"), cell: (r) => r.agentName ?? "—" },
      { header: t("columns.status"), cell: (r) => <StatusBadge status={r.status} /> },
      { header: t("columns.waiting"), cell: (r) => (r.waitingForApplicant ? t("waitingApplicant") : t("submitted")) },
      { header: t("columns.createdAt"), cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
    ]} />
  );
}
