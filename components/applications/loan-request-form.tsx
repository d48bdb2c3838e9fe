"use client";
import { useActionState, useEffect, useRef, startTransition } from "react";
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
      <p className="notice notice--info">本期政策：单户最高 {limits.maxLoan}，期限最长 {limits.maxTermMonths} 个月，全额贴息，免担保费、评审费。</p>
      {state.status === "error" ? <FormMessage state={state} /> : null}
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field name="categoryCode" label="贷款类别" required errors={fieldErrors(state, "categoryCode")}>
        {/* Keyed on the value: React does not re-apply a changed defaultValue to a mounted select. */}
              <select key={fieldValue(state, "categoryCode", defaults.categoryCode)} id="categoryCode" name="categoryCode" defaultValue={fieldValue(state, "categoryCode", defaults.categoryCode)}>
          <option value="">请选择</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{c.nameZh}</option>)}
        </select>
      </Field>
      <Field name="amountYuan" label="申请金额（元）" inputMode="decimal" required hint={`不超过 ${limits.maxLoan}`} {...f("amountYuan")} />
      <Field name="termMonths" label="贷款期限（月）" inputMode="numeric" required hint={`1 至 ${limits.maxTermMonths} 个月`} {...f("termMonths")} />
      <Field name="purpose" label="贷款用途" required errors={fieldErrors(state, "purpose")}>
        <textarea id="purpose" name="purpose" defaultValue={fieldValue(state, "purpose", defaults.purpose)} maxLength={500} />
      </Field>
      <Field name="repaymentSource" label="还款来源" required errors={fieldErrors(state, "repaymentSource")}>
        <textarea id="repaymentSource" name="repaymentSource" defaultValue={fieldValue(state, "repaymentSource", defaults.repaymentSource)} maxLength={300} />
      </Field>
      <div className="actions">
        <SubmitButton name="intent" value="next">保存并下一步</SubmitButton>
        <span className="field__hint" aria-live="polite" data-testid="autosave-status">
          {pending ? "正在保存…" : state.status === "success" ? "草稿已自动保存" : "填写内容会自动保存为草稿"}
        </span>
      </div>
    </form>
  );
}
