"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { setBudgetAction } from "@/lib/subsidies/actions";

/** Setting or correcting a year's interest-subsidy budget. */
export function BudgetForm({ year }: { year: number }) {
  const t = useTranslations("admin.budget");
  return (
    <ActionForm action={setBudgetAction} className="form form--wide">
      {(state) => (
        <>
          <div className="grid">
            <Field name="year" label={t("year")} inputMode="numeric" required defaultValue={fieldValue(state, "year", String(year))} errors={fieldErrors(state, "year")} />
            <Field name="amountYuan" label={t("amount")} inputMode="decimal" required defaultValue={fieldValue(state, "amountYuan")} errors={fieldErrors(state, "amountYuan")} />
            <Field name="guaranteeDepositYuan" label={t("deposit")} hint={t("depositHint")} inputMode="decimal" defaultValue={fieldValue(state, "guaranteeDepositYuan")} errors={fieldErrors(state, "guaranteeDepositYuan")} />
          </div>
          <SubmitButton>{t("submit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
