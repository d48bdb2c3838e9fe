"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue, kept } from "@/components/ui/form-message";
import { addLprRateAction } from "@/lib/lpr/actions";

/** One published LPR: tenor, the day it took effect, the rate in percent. */
export function LprForm() {
  const t = useTranslations("lpr.form");
  const tenors = useTranslations("lpr.tenors");
  return (
    <ActionForm action={addLprRateAction} className="form form--wide">
      {(state) => (
        <>
          <div className="grid">
            <Field id="tenor" label={t("tenor")} required errors={fieldErrors(state, "tenor")}>
              {(aria) => (
                <select key={kept(state, "tenor")} {...aria} name="tenor" defaultValue={kept(state, "tenor", "ONE_YEAR")}>
                  {(["ONE_YEAR", "FIVE_YEAR"] as const).map((k) => <option key={k} value={k}>{tenors(k)}</option>)}
                </select>
              )}
            </Field>
            <Field name="effectiveFrom" label={t("effectiveFrom")} type="date" required defaultValue={fieldValue(state, "effectiveFrom")} errors={fieldErrors(state, "effectiveFrom")} />
            <Field name="ratePercent" label={t("ratePercent")} hint={t("rateHint")} inputMode="decimal" required defaultValue={kept(state, "ratePercent")} errors={fieldErrors(state, "ratePercent")} />
          </div>
          <SubmitButton>{t("submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
