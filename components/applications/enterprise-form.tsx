"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { saveEnterpriseAction } from "@/lib/applications/actions";
import type { ActionState } from "@/lib/actions/state";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type EnterpriseDefaults = {
  enterpriseId: string; name: string; creditCode: string; legalRepName: string; address: string; industry: string;
  foundedOn: string; employees: string; annualRevenueYuan: string; hasUnion: boolean; unionMemberCount: string;
};

/** The applicant's own enterprise form; a district union's desk sends the same fields to its own action (lib/intake). */
export function EnterpriseForm({ defaults, action = saveEnterpriseAction, hidden, submitLabel }: {
  defaults: EnterpriseDefaults;
  action?: FormAction;
  hidden?: Record<string, string>;
  submitLabel?: string;
}) {
  const t = useTranslations("applicant.enterpriseForm");
  return (
    <ActionForm action={action} hidden={hidden ?? { enterpriseId: defaults.enterpriseId }} className="form form--wide">
      {(state) => {
        const f = (name: Exclude<keyof EnterpriseDefaults, "hasUnion">) => ({
          defaultValue: fieldValue(state, name, defaults[name]),
          errors: fieldErrors(state, name),
        });
        const hasUnion = state.status === "idle" ? defaults.hasUnion : state.fields?.hasUnion === "on";
        return (
          <>
            <Field name="name" label={t("name")} required {...f("name")} />
            <Field name="creditCode" label={t("creditCode")} required maxLength={18} autoComplete="off" hint={t("creditCodeHint")} {...f("creditCode")} />
            <Field name="legalRepName" label={t("legalRepName")} required {...f("legalRepName")} />
            <Field name="address" label={t("address")} required {...f("address")} />
            <Field name="industry" label={t("industry")} required {...f("industry")} />
            <Field name="foundedOn" label={t("foundedOn")} type="date" required {...f("foundedOn")} />
            <Field name="employees" label={t("employees")} inputMode="numeric" required {...f("employees")} />
            <Field name="annualRevenueYuan" label={t("annualRevenueYuan")} inputMode="decimal" required hint={t("annualRevenueHint")} {...f("annualRevenueYuan")} />
            <label className="checkbox">
              <input type="checkbox" name="hasUnion" defaultChecked={hasUnion} />
              <span>{t("hasUnion")}</span>
            </label>
            <Field name="unionMemberCount" label={t("unionMemberCount")} inputMode="numeric" {...f("unionMemberCount")} />
            <SubmitButton>{submitLabel ?? t("submit")}</SubmitButton>
          </>
        );
      }}
    </ActionForm>
  );
}
