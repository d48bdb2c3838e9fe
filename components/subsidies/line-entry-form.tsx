"use client";
import { useTranslations } from "next-intl";
import { enterLineAction } from "@/lib/subsidies/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckField, TextField } from "@/components/ui/bound-fields";

const F = "entry";

/** One line typed in: the same columns and checks as the file. */
export function LineEntryForm({ today }: { today: string }) {
  const col = useTranslations("subsidy.columns");
  const t = useTranslations("subsidy.bank");
  const flags = useTranslations("subsidy.flags");
  return (
    <ActionForm action={enterLineAction} className="form">
      {(state) => (
        <>
          <div className="grid">
            <TextField form={F} name="contractNo" label={col("contractNo")} state={state} autoComplete="off" />
            <TextField form={F} name="periodStart" label={col("periodFrom")} state={state} type="date" max={today} />
            <TextField form={F} name="periodEnd" label={col("periodTo")} state={state} type="date" max={today} />
            <TextField form={F} name="principalBalanceFen" label={col("inYuan", { label: col("balance") })} state={state} inputMode="decimal" />
            <TextField form={F} name="annualRateMicros" label={col("rate")} state={state} placeholder="3.85%" />
            <TextField form={F} name="interestDueFen" label={col("inYuan", { label: col("interestDue") })} state={state} inputMode="decimal" />
            <TextField form={F} name="interestPaidFen" label={col("inYuan", { label: col("interestPaid") })} state={state} inputMode="decimal" />
            <TextField form={F} name="paidOn" label={col("paidOn")} state={state} type="date" max={today} optional />
            <TextField form={F} name="penaltyInterestFen" label={col("inYuan", { label: col("penalty") })} state={state} inputMode="decimal" optional />
          </div>
          <div className="actions">
            <CheckField form={F} name="overdue" label={flags("overdue")} state={state} />
            <CheckField form={F} name="extended" label={flags("extended")} state={state} />
          </div>
          <div className="actions"><SubmitButton variant="secondary">{t("entrySubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
