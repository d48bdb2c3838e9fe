"use client";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { importRosterAction, type RosterState } from "@/lib/unions/actions";
import { SubmitButton } from "@/components/ui/submit-button";

const IDLE: RosterState = { status: "idle" };

/** The roster upload and, for a refused file, its per-line report (nothing was stored). */
export function RosterUpload() {
  const t = useTranslations("unions.roster");
  const [state, action] = useActionState(importRosterAction, IDLE);
  return (
    <div>
      <form action={action} className="form" encType="multipart/form-data">
        <div className="field">
          <label htmlFor="roster-file">{t("file")}<span className="required" aria-hidden="true"> *</span></label>
          <input id="roster-file" name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required />
        </div>
        <div className="actions">
          <SubmitButton>{t("upload")}</SubmitButton>
          <a className="btn btn--link" href="/api/unions/roster-template" download>{t("template")}</a>
        </div>
      </form>
      {state.status === "idle" ? null : (
        <p className={`notice notice--${state.status === "imported" ? "success" : "error"}`} role={state.status === "imported" ? "status" : "alert"} style={{ marginTop: ".8rem" }}>
          {state.message}
        </p>
      )}
      {state.status === "rejected" ? (
        <div className="table-wrap">
          <table className="table" data-testid="roster-problems">
            <thead><tr><th className="num">{t("line")}</th><th>{t("problem")}</th></tr></thead>
            <tbody>{state.problems.map((p, i) => <tr key={`${p.line}-${i}`}><td className="num">{p.line || "—"}</td><td>{p.message}</td></tr>)}</tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
