"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors } from "@/components/ui/form-message";
import { grantConsentAction, withdrawConsentAction } from "@/lib/applications/actions";

export function ConsentForm({ kind, title, text, version, standing }: {
  kind: "SENSITIVE_PERSONAL_INFO" | "CREDIT_REPORT_AUTHORISATION";
  title: string;
  text: string;
  version: string;
  /** CURRENT: agreed to this wording; OUTDATED: agreed to an earlier one only; NONE: not agreed. */
  standing: "CURRENT" | "OUTDATED" | "NONE";
}) {
  const t = useTranslations("applicant.consent");
  return (
    <section className="card" aria-labelledby={`consent-${kind}`} data-testid={`consent-${kind}`}>
      <h2 id={`consent-${kind}`}>{title} <small className="badge">{version}</small></h2>
      {standing === "OUTDATED" ? <p className="notice notice--warn" data-testid="consent-outdated">{t("changed")}</p> : null}
      <p>{text}</p>
      {standing === "CURRENT" ? (
        <ActionForm action={withdrawConsentAction} hidden={{ kind }}>
          {() => (
            <div className="actions">
              <span className="badge badge--green">{t("granted")}</span>
              <SubmitButton variant="danger">{t("withdraw")}</SubmitButton>
            </div>
          )}
        </ActionForm>
      ) : (
        <ActionForm action={grantConsentAction} hidden={{ kind, version }}>
          {(state) => (
            <>
              <label className="checkbox">
                <input type="checkbox" name="agree" required aria-describedby={`consent-${kind}-error`} />
                <span>{t("agree", { title })}</span>
              </label>
              {fieldErrors(state, "agree") ? <p id={`consent-${kind}-error`} className="field__error">{fieldErrors(state, "agree")!.join(" ")}</p> : null}
              <SubmitButton>{standing === "OUTDATED" ? t("submitAgain") : t("submit")}</SubmitButton>
            </>
          )}
        </ActionForm>
      )}
    </section>
  );
}
