"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { JobView } from "@/lib/subsidies/job-view";
import type { ActionState } from "@/lib/actions/state";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { StatementReport } from "@/components/subsidies/statement-report";

const POLL_MS = 1000;

type Props = {
  initial: JobView;
  /** The job's route, answering `{ ok, job }` in the reader's language. */
  poll: string;
  retry: (state: ActionState, formData: FormData) => Promise<ActionState>;
  retryLabel: string;
  downloadLabel?: string;
  testId: string;
};

/**
 * A background job as it goes: queued, how far it got, then its outcome (or why it failed, with a
 * retry). Rendered on the server first; while unfinished it asks the job's route each second, and
 * refreshes the page once the job is done (what the job changed shows there too).
 */
export function JobProgress({ initial, poll, retry, retryLabel, downloadLabel, testId }: Props) {
  const t = useTranslations("subsidy.bank");
  const router = useRouter();
  const [job, setJob] = useState(initial);

  useEffect(() => {
    if (job.finished) return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(poll, { cache: "no-store" });
        const answer = (await response.json()) as { ok: boolean; job?: JobView };
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
  }, [job, poll, router]);

  return (
    <div data-testid={testId} data-status={job.status} style={{ marginTop: ".8rem" }}>
      <p className={`notice notice--${job.tone}`} role={job.tone === "error" ? "alert" : "status"} aria-live="polite" data-testid={`${testId}-result`}>
        <span className="badge" data-testid={`${testId}-status`}>{job.statusLabel}</span>{" "}
        <strong>{job.title}</strong>{job.title ? t("jobSeparator") : null}{job.message}
      </p>
      {job.errors ? <StatementReport errors={job.errors} total={job.total ?? job.errors.length} /> : null}
      {job.download && downloadLabel ? <p><a className="btn btn--secondary btn--small" href={job.download} download>{downloadLabel}</a></p> : null}
      {job.retryable ? (
        <ActionForm action={retry} hidden={{ jobId: job.id }} className="actions">
          {() => <SubmitButton variant="secondary">{retryLabel}</SubmitButton>}
        </ActionForm>
      ) : null}
    </div>
  );
}
