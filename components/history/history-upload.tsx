"use client";
import { useActionState } from "react";
import { importHistoryAction, type HistoryState } from "@/lib/history/actions";
import { SubmitButton } from "@/components/ui/submit-button";

const IDLE: HistoryState = { status: "idle" };

export type HistoryUploadLabels = { bank: string; file: string; upload: string; line: string; problem: string; template: string };

/** The historical file's upload and, for a refused file, its per-line report (nothing was stored). */
export function HistoryUpload({ banks, labels }: { banks: { id: string; name: string }[]; labels: HistoryUploadLabels }) {
  const [state, action] = useActionState(importHistoryAction, IDLE);
  return (
    <div>
      <form action={action} className="form" encType="multipart/form-data">
        <div className="field">
          <label htmlFor="history-bank">{labels.bank}<span className="required" aria-hidden="true"> *</span></label>
          <select id="history-bank" name="bankOrgId" required defaultValue={banks[0]?.id}>
            {banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-file">{labels.file}<span className="required" aria-hidden="true"> *</span></label>
          <input id="history-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        <div className="actions">
          <SubmitButton>{labels.upload}</SubmitButton>
          <a className="btn btn--link" href="/api/history/template" download>{labels.template}</a>
        </div>
      </form>
      {state.status === "idle" ? null : (
        <p className={`notice notice--${state.status === "imported" ? "success" : "error"}`} role={state.status === "imported" ? "status" : "alert"} style={{ marginTop: ".8rem" }}>
          {state.message}
        </p>
      )}
      {state.status === "rejected" ? (
        <div className="table-wrap">
          <table className="table" data-testid="history-problems">
            <thead><tr><th className="num">{labels.line}</th><th>{labels.problem}</th></tr></thead>
            <tbody>{state.problems.map((p, i) => <tr key={`${p.line}-${i}`}><td className="num">{p.line || "—"}</td><td>{p.message}</td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
