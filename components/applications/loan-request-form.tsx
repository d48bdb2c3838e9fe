"use client";
import { useActionState, useMemo } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { autosaveDraftAction, saveLoanRequestAction } from "@/lib/applications/actions";
import type { DraftDto } from "@/lib/applications/autosave-state";
import { Field } from "@/components/ui/field";
import { FormMessage, fieldErrors, fieldValue } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { AutosaveStatus } from "@/components/applications/autosave-status";
import { useAutosave } from "@/components/applications/use-autosave";

export type LoanRequestDefaults = { categoryCode: string; amountYuan: string; termMonths: string; purpose: string; repaymentSource: string };

/**
 * The loan-request step. Keeps what is typed a moment after each change, valid or not (autosave
 * to a draft; `draft` is what was kept last time); "save and continue" saves it for real.
 */
export function LoanRequestForm({ applicationId, defaults, categories, limits, draft }: {
  applicationId: string;
  defaults: LoanRequestDefaults;
  categories: { code: string; nameZh: string }[];
  limits: { maxLoan: string; maxTermMonths: number };
  draft?: DraftDto | null;
}) {
  const t = useTranslations("applicant.loanForm");
  const [state, action] = useActionState(saveLoanRequestAction, IDLE);
  const identity = useMemo(() => ({ draftForm: "LOAN_REQUEST", draftRecord: applicationId }), [applicationId]);
  const autosave = useAutosave(autosaveDraftAction, identity, draft ?? undefined);
  const typed = (name: keyof LoanRequestDefaults) => draft?.fields[name] ?? defaults[name];
  const errors = (name: keyof LoanRequestDefaults) => autosave.errorsFor(fieldErrors(state, name), name);
  const f = (name: keyof LoanRequestDefaults) => ({ defaultValue: fieldValue(state, name, typed(name)), errors: errors(name) });

  return (
    <form action={action} className="form form--wide" noValidate onChange={(e) => autosave.onChange(e.currentTarget)} onSubmit={autosave.onSubmit}>
      <p className="notice notice--info">{t("policy", { maxLoan: limits.maxLoan, maxTermMonths: String(limits.maxTermMonths) })}</p>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field name="categoryCode" label={t("category")} required errors={errors("categoryCode")}>
        {(control) => (
          // Keyed on the value: React does not re-apply a changed defaultValue to a mounted select.
          <select key={fieldValue(state, "categoryCode", typed("categoryCode"))} {...control} name="categoryCode" defaultValue={fieldValue(state, "categoryCode", typed("categoryCode"))}>
            <option value="">{t("choose")}</option>
            {categories.map((c) => <option key={c.code} value={c.code}>{c.nameZh}</option>)}
          </select>
        )}
      </Field>
      <Field name="amountYuan" label={t("amount")} inputMode="decimal" required hint={t("amountHint", { maxLoan: limits.maxLoan })} {...f("amountYuan")} />
      <Field name="termMonths" label={t("term")} inputMode="numeric" required hint={t("termHint", { maxTermMonths: String(limits.maxTermMonths) })} {...f("termMonths")} />
      <Field name="purpose" label={t("purpose")} required errors={errors("purpose")}>
        {(control) => <textarea {...control} name="purpose" defaultValue={fieldValue(state, "purpose", typed("purpose"))} maxLength={500} />}
      </Field>
      <Field name="repaymentSource" label={t("repaymentSource")} required errors={errors("repaymentSource")}>
        {(control) => <textarea {...control} name="repaymentSource" defaultValue={fieldValue(state, "repaymentSource", typed("repaymentSource"))} maxLength={300} />}
      </Field>
      <div className="actions">
        <SubmitButton name="intent" value="next">{t("next")}</SubmitButton>
      </div>
      <AutosaveStatus view={autosave.view} hintCount={Object.keys(autosave.hints).length} />
    </form>
  );
}
