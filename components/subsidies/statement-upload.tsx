"use client";
import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { importStatementAction, type ImportState } from "@/lib/subsidies/actions";
import { MAX_STATEMENT_BYTES, STATEMENT_ACCEPT } from "@/lib/subsidies/statement-file";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";
import { StatementReport } from "@/components/subsidies/statement-report";

const IDLE: ImportState = { status: "idle" };

/** The upload form. The file is stored and its import queued; the page lists the job's progress and outcome. */
export function StatementUpload() {
  const t = useTranslations("subsidy.bank");
  const [state, action] = useActionState(importStatementAction, IDLE);
  const [tooBig, setTooBig] = useState(false);
  // The server refuses a body over its limit before any code of ours runs; say so here instead.
  const check = (event: FormEvent<HTMLFormElement>) => {
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
    const over = !!file && file.size > MAX_STATEMENT_BYTES;
    setTooBig(over);
    if (over) event.preventDefault();
  };
  return (
    <div>
      <form action={action} onSubmit={check} className="form" encType="multipart/form-data" data-testid="statement-upload">
        <Field id="statement-file" label={t("file")} required hint={t("fileHint")} name="file" type="file" accept={STATEMENT_ACCEPT} />
        <div className="actions">
          <SubmitButton>{t("upload")}</SubmitButton>
          <a className="btn btn--link" href="/api/subsidies/template?format=csv" download>{t("templateCsv")}</a>
          <a className="btn btn--link" href="/api/subsidies/template?format=xlsx" download>{t("templateXlsx")}</a>
        </div>
      </form>
      {tooBig ? <p className="notice notice--error" role="alert" style={{ marginTop: ".8rem" }}>{t("tooBig", { mb: MAX_STATEMENT_BYTES / 1024 / 1024 })}</p> : null}
      {state.status === "idle" || tooBig ? null : (
        <p className={`notice notice--${state.status === "queued" || state.status === "duplicate" ? "info" : "error"}`}
          role={state.status === "queued" || state.status === "duplicate" ? "status" : "alert"} style={{ marginTop: ".8rem" }} data-testid="upload-answer">
          {state.message}
        </p>
      )}
      {state.status === "rejected" ? <StatementReport errors={state.errors} total={state.total} /> : null}
    </div>
  );
}
