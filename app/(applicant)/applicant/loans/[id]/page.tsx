import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { applicantLoanView } from "@/lib/loans/applicant-loan-view";
import { LoanTerms } from "@/components/loans/loan-terms";
import { ScheduleTable } from "@/components/loans/schedule-table";
import { LoanSubsidy } from "@/components/loans/loan-subsidy";
import { OwnStandingPanel } from "@/components/unions/own-standing";
import { LoanEvents } from "@/components/loans/loan-events";
import { pageTitle } from "@/components/page-title";

export const generateMetadata = pageTitle("applicantLoan");

export default async function ApplicantLoanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("applicant");
  const view = await applicantLoanView(actor, (await params).id);
  if (!view) notFound();
  const { loan, standing, servicing } = view;
  const t = await getTranslations("subsidy.loan");
  return (
    <>
      <p><Link href="/applicant">{t("back")}</Link></p>
      <h1><span translate="no">{loan.enterpriseName}</span> · {t("title", { contractNo: loan.contractNo })}</h1>
      <LoanTerms loan={loan} applicationHref={`/applicant/applications/${loan.applicationId}`} />
      {servicing ? <LoanEvents record={servicing} /> : null}
      <h2>{t("subsidyTitle")}</h2>
      <LoanSubsidy loan={loan} />
      {standing ? <OwnStandingPanel standing={standing} /> : null}
      <h2>{t("scheduleTitle")}</h2>
      <ScheduleTable schedule={loan.schedule} interestTotalFen={loan.scheduledInterestFen} />
    </>
  );
}
