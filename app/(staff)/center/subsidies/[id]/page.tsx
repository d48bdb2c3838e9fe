import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { batchDetail, budgetOverview } from "@/lib/subsidies/queries";
import { latestBatchPdfsJob } from "@/lib/subsidies/batch-pdfs-queries";
import { batchPdfsJobView } from "@/lib/subsidies/job-view";
import { retryBatchPdfsAction } from "@/lib/subsidies/actions";
import { can } from "@/lib/auth/permissions";
import { JobProgress } from "@/components/subsidies/job-progress";
import { BatchPdfsRequest } from "@/components/subsidies/batch-pdfs-request";
import { beijingToday } from "@/lib/calendar/beijing";
import { formatFen } from "@/lib/money/fen";
import { rootTranslator } from "@/lib/i18n/reader";
import { wordIn } from "@/lib/i18n/words";
import { BatchFacts } from "@/components/subsidies/batch-facts";
import { LinesTable } from "@/components/subsidies/lines-table";
import { BatchActions } from "@/components/subsidies/batch-actions";
import { BatchHistory } from "@/components/subsidies/batch-history";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { pageTitle } from "@/components/page-title";
import { SUBSIDY_PAYER_ACCOUNT } from "@/lib/setup/programme-defaults";
import { ClientMessages } from "@/components/layout/client-messages";

export const generateMetadata = pageTitle("batch");

export default async function CentreBatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const actor = await requireSection("center");
  const [{ id }, { page }] = await Promise.all([params, searchParams]);
  const batch = await batchDetail(actor, id, { page: Number(page) || 1 });
  if (!batch) notFound();
  const [t, c, budget, words, p, pdfsJob] = await Promise.all([
    getTranslations("subsidy.centre"), getTranslations("subsidy.common"), budgetOverview(actor), rootTranslator(), getTranslations("common.punct"), latestBatchPdfsJob(actor, batch.id),
  ]);
  const year = budget.find((y) => y.current);
  const waiting = batch.status === "OPEN" && batch.openQueries > 0;
  return (
    <ClientMessages namespaces={["common.punct", "subsidy.bank", "subsidy.centre", "subsidy.columns", "subsidy.flags"]}>
      <PageFeedback>
        <p><Link href="/center/subsidies">{t("back")}</Link></p>
        <h1><span translate="no">{batch.bankName}</span> · {wordIn(words, batch.quarterLabel)}</h1>
        {year ? (
          <p className="notice notice--info" data-testid="budget-line">
            {year.budgetFen === null ? t("noBudget", { year: year.year }) : `${t("remainingNow", { year: year.year })}${p("colon")}${formatFen(year.remainingFen ?? 0n)}`}
          </p>
        ) : null}
        <PageFeedbackNotice />
        <h2>{t("facts")}</h2>
        <BatchFacts batch={batch} />
        <p><a href={`/api/subsidies/batches/${batch.id}/summary`} download className="btn btn--secondary btn--small">{c("summaryPdf")}</a></p>
        {can(actor, "subsidy.statementPdf") ? (
          <section data-testid="batch-pdfs">
            {pdfsJob?.status === "QUEUED" || pdfsJob?.status === "RUNNING" ? null : (
              <BatchPdfsRequest batchId={batch.id} label={t("batchPdfs")} />
            )}
            {pdfsJob ? (
              <JobProgress key={`${pdfsJob.id}-${pdfsJob.status}`} initial={batchPdfsJobView(words, pdfsJob)} poll={`/api/subsidies/batch-pdfs/${pdfsJob.id}`}
                retry={retryBatchPdfsAction} retryLabel={t("batchPdfsRetry")} downloadLabel={t("batchPdfsDownload")} testId="batch-pdfs-job" />
            ) : null}
          </section>
        ) : null}

        <h2>{t("actionsTitle")}</h2>
        {waiting ? <p className="notice notice--warn" style={{ marginBottom: ".8rem" }}>{t("waitingForAnswers", { n: batch.openQueries })}</p> : null}
        {waiting && batch.actions.length === 0 ? null : <BatchActions batchId={batch.id} version={batch.version} actions={batch.actions} today={beijingToday()} payerAccount={batch.payerAccount ?? SUBSIDY_PAYER_ACCOUNT} />}

        <h2>{t("linesTitle")}</h2>
        {!batch.linesEditable ? <p className="who">{t("linesFrozen")}</p> : null}
        <LinesTable lines={batch.lines} queryable={batch.mayQuery ? { batchVersion: batch.version } : null} />
        {batch.pageCount > 1 ? (
          <nav className="actions" style={{ marginTop: ".8rem" }} aria-label={c("page", { page: batch.page, count: batch.pageCount })}>
            {batch.page > 1 ? <Link className="btn btn--secondary btn--small" href={`?page=${batch.page - 1}`}>{c("prev")}</Link> : null}
            <span className="who">{c("page", { page: batch.page, count: batch.pageCount })}</span>
            {batch.page < batch.pageCount ? <Link className="btn btn--secondary btn--small" href={`?page=${batch.page + 1}`}>{c("next")}</Link> : null}
          </nav>
        ) : null}

        <h2>{t("historyTitle")}</h2>
        <BatchHistory events={batch.events} />
      </PageFeedback>
    </ClientMessages>
  );
}
