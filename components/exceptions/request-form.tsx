"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { Field } from "@/components/ui/field";
import type { CaseFormContext } from "@/components/reviews/form-bits";
import { TextField } from "@/components/ui/bound-fields";
import { useReportedAction } from "@/components/ui/page-feedback";
import { requestExceptionAction } from "@/lib/exceptions/actions";
import { EXCEPTION_TYPES, VALUE_KIND } from "@/lib/exceptions/rules";
import { DOCUMENT_KINDS } from "@/lib/exceptions/document-kinds";

/** A tailored-plan (yi qi yi ce) exception: the request (type, the value its type carries, reason, expiry); an approver decides it. */
export function ExceptionRequestForm({ ctx }: { ctx: CaseFormContext }) {
  const t = useTranslations("exceptions.form");
  const names = useTranslations("exceptions.type");
  const docs = useTranslations("exceptions.document");
  const action = useReportedAction(requestExceptionAction);
  const [type, setType] = useState<string>("");
  return (
    <ActionForm action={action} hidden={{ applicationId: ctx.applicationId }}>
      {(state) => {
        const chosen = type || kept(state, "type");
        const kind = (VALUE_KIND as Record<string, string>)[chosen] ?? "none";
        return (
          <>
            <p className="field__hint">{t("hint")}</p>
            <Field id="exception-type" label={t("type")} required errors={fieldErrors(state, "type")}>
              {(aria) => (
                // Uncontrolled and keyed by the kept value: React 19 resets a form after its action,
                // and a controlled select would then show one value and send another.
                <select key={kept(state, "type")} {...aria} name="type" defaultValue={chosen} onChange={(e) => setType(e.target.value)}>
                  <option value="">{t("choose")}</option>
                  {EXCEPTION_TYPES.map((id) => <option key={id} value={id}>{names(id)}</option>)}
                </select>
              )}
            </Field>
            {kind === "fen" ? (
              <TextField form="exception" state={state} name="valueYuan" label={t("valueYuan")} hint={t("valueYuanHint")} inputMode="decimal" />
            ) : null}
            {kind === "months" ? (
              <TextField form="exception" state={state} name="valueMonths" label={t("valueMonths")} hint={t("valueMonthsHint")} inputMode="numeric" />
            ) : null}
            {kind === "document" ? (
              <Field id="exception-documentKind" label={t("documentKind")} required errors={fieldErrors(state, "documentKind")}>
                {(aria) => (
                  <select {...aria} name="documentKind" defaultValue={kept(state, "documentKind")}>
                    <option value="">{t("choose")}</option>
                    {DOCUMENT_KINDS.map((id) => <option key={id} value={id}>{docs(id)}</option>)}
                  </select>
                )}
              </Field>
            ) : null}
            <Field id="exception-reason" label={t("reason")} required errors={fieldErrors(state, "reason")}>
              {(aria) => <textarea {...aria} name="reason" defaultValue={kept(state, "reason")} maxLength={500} />}
            </Field>
            <TextField form="exception" state={state} name="expiresOn" label={t("expiresOn")} type="date" min={ctx.defaults.today} />
            <div className="actions"><SubmitButton variant="secondary">{t("submit")}</SubmitButton></div>
          </>
        );
      }}
    </ActionForm>
  );
}
