"use client";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors } from "@/components/ui/form-message";
import { grantConsentAction, withdrawConsentAction } from "@/lib/applications/actions";

export function ConsentForm({ kind, title, text, version, granted }: {
  kind: "SENSITIVE_PERSONAL_INFO" | "CREDIT_REPORT_AUTHORISATION";
  title: string;
  text: string;
  version: string;
  granted: boolean;
}) {
  return (
    <section className="card" aria-labelledby={`consent-${kind}`}>
      <h2 id={`consent-${kind}`}>{title} <small className="badge">{version}</small></h2>
      <p>{text}</p>
      {granted ? (
        <ActionForm action={withdrawConsentAction} hidden={{ kind }}>
          {() => (
            <div className="actions">
              <span className="badge badge--green">已同意</span>
              <SubmitButton variant="danger">撤回同意</SubmitButton>
            </div>
          )}
        </ActionForm>
      ) : (
        <ActionForm action={grantConsentAction} hidden={{ kind }}>
          {(state) => (
            <>
              <label className="checkbox">
                <input type="checkbox" name="agree" required aria-describedby={`consent-${kind}-error`} />
                <span>我已阅读并同意《{title}》</span>
              </label>
              {fieldErrors(state, "agree") ? <p id={`consent-${kind}-error`} className="field__error">{fieldErrors(state, "agree")!.join("；")}</p> : null}
              <SubmitButton>确认同意</SubmitButton>
            </>
          )}
        </ActionForm>
      )}
    </section>
  );
}
