"use client";
import { useActionState, useEffect, useRef, startTransition } from "react";
import { useTranslations } from "next-intl";
import { IDLE } from "@/lib/actions/state";
import { saveLoanRequestAction } from "@/lib/applications/actions";
import { Field } from "@/components/ui/field";
import { FormMessage, fieldErrors, fieldValue } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export type LoanRequestDefaults = { categoryCode: string; amountYuan: string; termMonths: string; purpose: string; repaymentSource: string };

const AUTOSAVE_MS = 1500;

/** The loan-request step. Saves itself on the server a moment after each change (autosave). */
export function LoanRequestForm({ applicationId, defaults, categories, limits }: {
  applicationId: string;
  defaults: LoanRequestDefaults;
  categories: { code: string; nameZh: string }[];
  limits: { maxLoan: string; maxTermMonths: number };
}) {
  const t = useTranslations("applicant.loanForm");
  const [state, action, pending] = useActionState(saveLoanRequestAction, IDLE);
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  const scheduleAutosave = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!form.current) return;
      const data = new FormData(form.current);
      data.set("intent", "autosave");
      startTransition(() => action(data));
    }, AUTOSAVE_MS);
  };
  const f = (name: keyof LoanRequestDefaults) => ({ defaultValue: fieldValue(state, name, defaults[name]), errors: fieldErrors(state, name) });

  return (
    <form ref={form} action={action} className="form form--wide" noValidate onChange={scheduleAutosave}>
      <p className="notice notice--info">{t("policy", { maxLoan: limits.maxLoan, maxTermMonths: String(limits.maxTermMonths) })}</p>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field name="categoryCode" label={t("category")} required errors={fieldErrors(state, "categoryCode")}>
        {/* Keyed on the value: React does not re-apply a changed defaultValue to a mounted select. */}
              <select key={fieldValue(state, "categoryCode", defaults.categoryCode)} id="categoryCode" name="categoryCode" defaultValue={fieldValue(state, "categoryCode", defaults.categoryCode)}>
          <option value="">{t("choose")}</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{c.nameZh}</option>)}
        </select>
      </Field>
      <Field name="amountYuan" label={t("amount")} inputMode="decimal" required hint={t("amountHint", { maxLoan: limits.maxLoan })} {...f("amountYuan")} />
      <Field name="termMonths" label={t("term")} inputMode="numeric" required hint={t("termHint", { maxTermMonths: String(limits.maxTermMonths) })} {...f("termMonths")} />
      <Field name="purpose" label={t("purpose")} required errors={fieldErrors(state, "purpose")}>
        <textarea id="purpose" name="purpose" defaultValue={fieldValue(state, "purpose", defaults.purpose)} maxLength={500} />
      </Field>
      <Field name="repaymentSource" label={t("repaymentSource")} required errors={fieldErrors(state, "repaymentSource")}>
        <textarea id="repaymentSource" name="repaymentSource" defaultValue={fieldValue(state, "repaymentSource", defaults.repaymentSource)} maxLength={300} />
      </Field>
      <div className="actions">
        <SubmitButton name="intent" value="next">{t("next")}</SubmitButton>
        <span className="field__hint" aria-live="polite" data-testid="autosave-status">
          {pending ? t("saving") : state.status === "success" ? t("saved") : t("autosaveHint")}
        </span>
      </div>
    </form>
  );
}
