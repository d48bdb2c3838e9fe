"use client";
import { useActionState, type ReactNode } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { Field } from "@/components/ui/field";

// A spreadsheet import (CSV or XLSX), all or nothing: the upload form, the result, and for a
// refused file its per-line report (nothing was stored).

export type FileImportState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "rejected"; message: string; problems: { line: number; message: string }[] }
  | { status: "imported"; message: string };

export type FileImportLabels = { file: string; upload: string; template: string; line: string; problem: string };

const IDLE: FileImportState = { status: "idle" };
const SPREADSHEETS = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function FileImport({ id, action, templateHref, labels, problemsTestId, children }: {
  /** Prefix of the file input's id (`<id>-file`). */
  id: string;
  action: (state: FileImportState, formData: FormData) => Promise<FileImportState>;
  templateHref: string;
  labels: FileImportLabels;
  problemsTestId: string;
  /** Fields before the file (e.g. which bank). */
  children?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <div>
      <form action={formAction} className="form" encType="multipart/form-data">
        {children}
        <Field id={`${id}-file`} label={labels.file} required name="file" type="file" accept={SPREADSHEETS} />
        <div className="actions">
          <SubmitButton>{labels.upload}</SubmitButton>
          <a className="btn btn--link" href={templateHref} download>{labels.template}</a>
        </div>
      </form>
      {state.status === "idle" ? null : (
        <p className={`notice notice--${state.status === "imported" ? "success" : "error"}`} role={state.status === "imported" ? "status" : "alert"} style={{ marginTop: ".8rem" }}>
          {state.message}
        </p>
      )}
      {state.status === "rejected" ? (
        <div className="table-wrap">
          <table className="table" data-testid={problemsTestId}>
            <thead><tr><th className="num">{labels.line}</th><th>{labels.problem}</th></tr></thead>
            <tbody>{state.problems.map((p, i) => <tr key={`${p.line}-${i}`}><td className="num">{p.line || "—"}</td><td>{p.message}</td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
