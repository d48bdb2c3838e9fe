"use client";
import { useTranslations } from "next-intl";
import { enterLineAction } from "@/lib/subsidies/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { CheckBox, TextInput } from "@/components/subsidies/form-fields";

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
            <TextInput form={F} name="contractNo" label={col("contractNo")} state={state} required autoComplete="off" />
            <TextInput form={F} name="periodStart" label={`${col("period")}（起）`} state={state} required type="date" max={today} />
            <TextInput form={F} name="periodEnd" label={`${col("period")}（止）`} state={state} required type="date" max={today} />
            <TextInput form={F} name="principalBalanceFen" label={`${col("balance")}（元）`} state={state} required inputMode="decimal" />
            <TextInput form={F} name="annualRateMicros" label={col("rate")} state={state} required placeholder="3.85%" />
            <TextInput form={F} name="interestDueFen" label={`${col("interestDue")}（元）`} state={state} required inputMode="decimal" />
            <TextInput form={F} name="interestPaidFen" label={`${col("interestPaid")}（元）`} state={state} required inputMode="decimal" />
            <TextInput form={F} name="paidOn" label={col("paidOn")} state={state} type="date" max={today} />
            <TextInput form={F} name="penaltyInterestFen" label={`${col("penalty")}（元）`} state={state} inputMode="decimal" />
          </div>
          <div className="actions">
            <CheckBox form={F} name="overdue" label={flags("overdue")} state={state} />
            <CheckBox form={F} name="extended" label={flags("extended")} state={state} />
          </div>
          <div className="actions"><SubmitButton variant="secondary">{t("entrySubmit")}</SubmitButton></div>
        </>
      )}
    </ActionForm>
  );
}
