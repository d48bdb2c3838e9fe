"use client";
import { useActionState, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { importStatementAction, type ImportState } from "@/lib/subsidies/actions";
import { MAX_STATEMENT_BYTES, STATEMENT_ACCEPT } from "@/lib/subsidies/statement-file";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";

const IDLE: ImportState = { status: "idle" };

/** The upload form and, for a rejected file, the per-line report (nothing was stored). */
export function StatementUpload() {
  const t = useTranslations("subsidy.bank");
  const col = useTranslations("subsidy.columns");
  const p = useTranslations("common.punct");
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
        <p className={`notice notice--${state.status === "imported" ? "success" : state.status === "duplicate" ? "info" : "error"}`}
          role={state.status === "imported" || state.status === "duplicate" ? "status" : "alert"} style={{ marginTop: ".8rem" }} data-testid="import-result">
          {state.message}
        </p>
      )}
      {state.status === "rejected" ? (
        <div className="table-wrap" style={{ marginTop: ".8rem" }}>
          <table className="table" data-testid="import-errors">
            <caption className="who" style={{ textAlign: "left", padding: ".4rem .7rem" }}>
              {t("reportTitle")}{state.total > state.errors.length ? p("paren", { text: `${state.errors.length} / ${state.total}` }) : ""}
            </caption>
            <thead><tr><th className="num">{col("line")}</th><th>{col("column")}</th><th>{col("problem")}</th></tr></thead>
            <tbody>
              {state.errors.map((e, i) => (
                <tr key={`${e.line}-${e.column}-${i}`}>
                  <td className="num">{e.line || "—"}</td>
                  <td>{e.column || "—"}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
