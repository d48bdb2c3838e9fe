"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ImportJobView } from "@/lib/subsidies/job-view";
import { retryImportAction } from "@/lib/subsidies/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { StatementReport } from "@/components/subsidies/statement-report";

const POLL_MS = 1000;

/**
 * One statement upload's import as it goes: queued, lines checked, then its outcome (or why it
 * failed, with a retry). Rendered on the server first; while unfinished it asks the job's route
 * each second, and refreshes the page once the job is done (the batches and imports change).
 */
export function ImportJobProgress({ initial }: { initial: ImportJobView }) {
  const t = useTranslations("subsidy.bank");
  const router = useRouter();
  const [job, setJob] = useState(initial);

  useEffect(() => {
    if (job.finished) return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/subsidies/import-jobs/${encodeURIComponent(job.id)}`, { cache: "no-store" });
        const answer = (await response.json()) as { ok: boolean; job?: ImportJobView };
        if (answer.ok && answer.job) {
          setJob(answer.job);
          if (answer.job.finished) router.refresh();
          return;
        }
      } catch {
        // a dropped connection: ask again
      }
      setJob((current) => ({ ...current }));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, router]);

  return (
    <div className="import-job" data-testid="import-job" data-status={job.status} style={{ marginTop: ".8rem" }}>
      <p className={`notice notice--${job.tone}`} role={job.tone === "error" ? "alert" : "status"} aria-live="polite" data-testid="import-result">
        <span className="badge" data-testid="import-job-status">{job.statusLabel}</span>{" "}
        <strong>{job.fileName}</strong>{job.fileName ? t("jobSeparator") : null}{job.message}
      </p>
      {job.errors ? <StatementReport errors={job.errors} total={job.total ?? job.errors.length} /> : null}
      {job.retryable ? (
        <ActionForm action={retryImportAction} hidden={{ jobId: job.id }} className="actions">
          {() => <SubmitButton>{t("retry")}</SubmitButton>}
        </ActionForm>
      ) : null}
    </div>
  );
}
