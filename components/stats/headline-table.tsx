import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { formatFen, formatFenPlain } from "@/lib/money/fen";
import { fenToWanYuan } from "@/lib/stats/format";
import type { ProgrammeFigures } from "@/lib/stats/queries";
import { HeadlineTableView, type HeadlineRow } from "@/components/stats/headline-table-view";

/** The cumulative figures, one per row, in the order and units the programme publishes them. */
export async function HeadlineTable({ figures: f }: { figures: ProgrammeFigures }) {
  const [t, th, format] = await Promise.all([getTranslations("stats"), getTranslations("statsHistory"), getFormatter()]);
  const n = (value: number) => format.number(value);
  const rows: HeadlineRow[] = [
    { key: "applications", label: t("applications"), value: n(f.applications) },
    { key: "renewals", label: t("renewals"), value: n(f.renewals), sub: true },
    { key: "enterprisesFunded", label: t("enterprisesFunded"), value: n(f.enterprisesFunded) },
    { key: "renewingEnterprises", label: t("renewingEnterprises"), value: n(f.renewingEnterprises), sub: true },
    { key: "lent", label: t("lent"), value: fenToWanYuan(f.lentFen), also: [formatFen(f.lentFen)] },
    { key: "enterprisesSubsidised", label: t("enterprisesSubsidised"), value: n(f.enterprisesSubsidised) },
    { key: "subsidy", label: t("subsidy"), value: formatFenPlain(f.subsidyFen), also: [formatFen(f.subsidyFen), t("wan", { amount: fenToWanYuan(f.subsidyFen) })] },
    { key: "unionsFounded", label: th("unionsFounded"), value: n(f.unionsFounded) },
    { key: "newMembers", label: th("newMembers"), value: n(f.newMembers) },
  ];
  return <HeadlineTableView item={t("item")} valueLabel={t("value")} rows={rows} />;
}
