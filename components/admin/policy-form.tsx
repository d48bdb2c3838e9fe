"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { publishPolicyAction } from "@/lib/organisations/actions";

export type PolicyDefaults = Record<
  | "effectiveFrom" | "maxLoanYuan" | "maxTermMonths" | "subsidyRatioPercent" | "coolingDays" | "centerReviewDays" | "guarantorReviewDays"
  | "bankReviewDays" | "disbursementDays" | "returnAnswerDays" | "greenChannelDays" | "documentQuotaMb" | "note"
  | "exceptionMaxLoanYuan" | "exceptionMaxTermMonths" | "maxOpenCasesPerPerson" | "maxExposurePerPersonYuan",
  string
> & { recommendNeedsChecker: boolean };

const NUMBERS = ["maxLoanYuan", "maxTermMonths", "subsidyRatioPercent", "coolingDays", "centerReviewDays", "guarantorReviewDays",
  "bankReviewDays", "disbursementDays", "returnAnswerDays", "greenChannelDays", "documentQuotaMb",
  "exceptionMaxLoanYuan", "exceptionMaxTermMonths", "maxOpenCasesPerPerson", "maxExposurePerPersonYuan"] as const;

/** Publishing the next policy version, prefilled with the one in force. */
export function PolicyForm({ defaults }: { defaults: PolicyDefaults }) {
  const t = useTranslations("admin.policyForm");
  return (
    <ActionForm action={publishPolicyAction} className="form form--wide">
      {(state) => {
        const f = (name: keyof PolicyDefaults & string) => ({
          defaultValue: fieldValue(state, name, String(defaults[name])),
          errors: fieldErrors(state, name),
        });
        return (
          <>
            <Field name="effectiveFrom" label={t("effectiveFrom")} type="date" required {...f("effectiveFrom")} />
            <div className="grid">
              {NUMBERS.map((name) => <Field key={name} name={name} label={t(name)} inputMode="decimal" required {...f(name)} />)}
            </div>
            <label className="checkbox">
              <input type="checkbox" name="recommendNeedsChecker" defaultChecked={state.status === "error" ? state.fields?.recommendNeedsChecker === "on" : defaults.recommendNeedsChecker} />
              <span>{t("recommendNeedsChecker")}</span>
            </label>
            <Field name="note" label={t("note")} required {...f("note")} />
            <SubmitButton>{t("submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
