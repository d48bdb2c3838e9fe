import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { LoanDetail } from "@/lib/loans/queries";
import { formatFen } from "@/lib/money/fen";
import { formatRateMicros } from "@/components/subsidies/format";

export async function LoanTerms({ loan, applicationHref }: { loan: LoanDetail; applicationHref?: string }) {
  const [t, s, p] = await Promise.all([getTranslations("subsidy.loan"), getTranslations("servicing.history"), getTranslations("common.punct")]);
  return (
    <section className="card" aria-label={t("terms")}>
      <dl className="facts" data-testid="loan-terms">
        <dt>{t("status")}</dt><dd><span className={`badge badge--${loan.status === "OVERDUE" || loan.status === "COMPENSATED" ? "red" : "green"}`}>{t(`statuses.${loan.status}`)}</span></dd>
        <dt>{t("principal")}</dt><dd>{formatFen(loan.principalFen)}</dd>
        <dt>{t("rate")}</dt><dd>{formatRateMicros(loan.annualRateMicros)}{p("paren", { text: `${t("lpr")}${p("colon")}${loan.lprReference}` })}</dd>
        <dt>{t("term")}</dt><dd>{t("months", { n: loan.termMonths })}</dd>
        <dt>{t("method")}</dt><dd>{t(`methods.${loan.repaymentMethod}`)}</dd>
        <dt>{t("disbursedOn")}</dt><dd>{loan.disbursedOn ?? "—"}</dd>
        <dt>{t("maturityOn")}</dt><dd>{loan.maturityOn ?? "—"}</dd>
        {loan.closedOn ? <><dt>{loan.status === "COMPENSATED" ? s("compensatedOn") : t("closedOn")}</dt><dd>{loan.closedOn}</dd></> : null}
        <dt>{t("bank")}</dt><dd>{loan.bankName}</dd>
        <dt>{t("account")}</dt><dd>{loan.accountMasked ?? "—"}</dd>
        <dt>{t("application")}</dt><dd>{applicationHref ? <Link href={applicationHref}>{loan.applicationNumber}</Link> : loan.applicationNumber}</dd>
      </dl>
    </section>
  );
}
