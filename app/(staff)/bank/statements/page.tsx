import { getLocale, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { listBatches, listImports, queriedLines, recentImportJobs } from "@/lib/subsidies/queries";
import { importJobView } from "@/lib/subsidies/job-view";
import { rootTranslator } from "@/lib/i18n/reader";
import { beijingToday } from "@/lib/calendar/beijing";
import { StatementUpload } from "@/components/subsidies/statement-upload";
import { JobProgress } from "@/components/subsidies/job-progress";
import { retryImportAction } from "@/lib/subsidies/actions";
import { LineEntryForm } from "@/components/subsidies/line-entry-form";
import { QueriedLines } from "@/components/subsidies/queried-lines";
import { BatchTable } from "@/components/subsidies/batch-table";
import { ImportsTable } from "@/components/subsidies/imports-table";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { pageTitle } from "@/components/page-title";
import { ClientMessages } from "@/components/layout/client-messages";

export const generateMetadata = pageTitle("statements");

export default async function BankStatementsPage() {
  const actor = await requireSection("bank");
  const [t, root, locale, batches, imports, queries, jobs] = await Promise.all([
    getTranslations("subsidy.bank"), rootTranslator(), getLocale(), listBatches(actor), listImports(actor), queriedLines(actor), recentImportJobs(actor),
  ]);
  const today = beijingToday();
  return (
    <ClientMessages namespaces={["common.punct", "subsidy.bank", "subsidy.centre", "subsidy.columns", "subsidy.flags"]}>
      <PageFeedback>
        <h1>{t("title")}</h1>
        <p className="lead">{t("lead")}</p>
        <PageFeedbackNotice />

        <section className="card" aria-labelledby="upload-title">
          <h2 id="upload-title" style={{ marginTop: 0 }}>{t("uploadTitle")}</h2>
          <StatementUpload />
          {jobs.map((job) => {
            const view = importJobView(root, locale, job);
            // Keyed by status too: after a retry or the job's end the server's view replaces the polled one.
            return (
              <JobProgress key={`${job.id}-${job.status}`} initial={view} poll={`/api/subsidies/import-jobs/${job.id}`}
                retry={retryImportAction} retryLabel={t("retry")} testId="import-job" />
            );
          })}
        </section>

        <h2 id="queries-title">{t("queriesTitle")}{queries.length ? <> <span className="badge badge--amber">{queries.length}</span></> : null}</h2>
        <QueriedLines lines={queries} today={today} />

        <h2>{t("batchesTitle")}</h2>
        <BatchTable rows={batches} showBank={false} />

        <details className="card" style={{ marginTop: "1.5rem" }}>
          <summary><strong>{t("entryTitle")}</strong></summary>
          <div style={{ marginTop: ".8rem" }}><LineEntryForm today={today} /></div>
        </details>

        <h2>{t("importsTitle")}</h2>
        <ImportsTable rows={imports} />
      </PageFeedback>
    </ClientMessages>
  );
}
