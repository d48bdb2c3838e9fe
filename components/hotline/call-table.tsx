import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { HotlineCallRow } from "@/lib/hotline/queries";
import { DataTable } from "@/components/ui/data-table";

/** Hotline calls, the caller's mobile masked; each opens the call's page. */
export async function HotlineCallTable({ rows, empty, testId }: { rows: HotlineCallRow[]; empty: string; testId: string }) {
  const [t, format] = await Promise.all([getTranslations("hotline"), getFormatter()]);
  return (
    <DataTable rows={rows} rowKey={(r) => r.id} empty={empty} testId={testId} emptyTestId={testId} stack columns={[
      { header: t("columns.createdAt"), cell: (r) => <Link href={`/hotline/calls/${r.id}`}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</Link> },
      { header: t("columns.caller"), cell: (r) => r.callerName },
      { header: t("columns.mobile"), cell: (r) => r.callerMobileMasked },
      { header: t("columns.topic"), cell: (r) => t(`form.topics.${r.topic}`) },
      { header: t("columns.outcome"), cell: (r) => t(`form.outcomes.${r.outcome}`) },
      { header: t("columns.followUpOn"), cell: (r) => `${r.followUpOn ?? "—"}${r.followUpDone ? ` · ${t("followUpDone")}` : ""}` },
      { header: t("columns.operator"), cell: (r) => r.operatorName },
      { header: t("columns.application"), cell: (r) => r.application?.number ?? "—" },
    ]} />
  );
}
