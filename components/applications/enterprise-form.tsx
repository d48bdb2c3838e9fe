"use client";
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import { autosaveDraftAction, saveEnterpriseAction } from "@/lib/applications/actions";
import type { ActionState } from "@/lib/actions/state";
import type { DraftDto } from "@/lib/applications/autosave-state";
import { AutosaveStatus } from "@/components/applications/autosave-status";
import { useAutosave } from "@/components/applications/use-autosave";

/** The form's element id: the licence reader fills its fields by it. */
export const ENTERPRISE_FORM_ID = "enterprise-form";

type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type EnterpriseDefaults = {
  enterpriseId: string; name: string; creditCode: string; legalRepName: string; address: string; industry: string;
  foundedOn: string; employees: string; annualRevenueYuan: string; hasUnion: boolean; unionMemberCount: string;
};

/**
 * The applicant's own enterprise form, kept as a draft while typed (`draft` is what was kept
 * last time); a district union's desk sends the same fields to its own action (lib/intake),
 * without autosave.
 */
export function EnterpriseForm({ defaults, action, hidden, submitLabel, draft }: {
  defaults: EnterpriseDefaults;
  action?: FormAction;
  hidden?: Record<string, string>;
  submitLabel?: string;
  draft?: DraftDto | null;
}) {
  const t = useTranslations("applicant.enterpriseForm");
  const own = !action;
  const identity = useMemo(() => ({ draftForm: "ENTERPRISE", draftRecord: defaults.enterpriseId }), [defaults.enterpriseId]);
  const autosave = useAutosave(autosaveDraftAction, identity, draft ?? undefined);
  const typed = (name: Exclude<keyof EnterpriseDefaults, "hasUnion">) => draft?.fields[name] ?? defaults[name];
  return (
    <ActionForm id={ENTERPRISE_FORM_ID} action={action ?? saveEnterpriseAction} hidden={hidden ?? { enterpriseId: defaults.enterpriseId }} className="form form--wide"
      onChange={own ? autosave.onChange : undefined} onSubmit={own ? autosave.onSubmit : undefined}>
      {(state) => {
        const errors = (name: string) => (own ? autosave.errorsFor(fieldErrors(state, name), name) : fieldErrors(state, name));
        const f = (name: Exclude<keyof EnterpriseDefaults, "hasUnion">) => ({
          defaultValue: fieldValue(state, name, typed(name)),
          errors: errors(name),
        });
        const hasUnion = state.status === "idle" ? (draft ? draft.fields.hasUnion === "on" : defaults.hasUnion) : state.fields?.hasUnion === "on";
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
            {own ? <AutosaveStatus view={autosave.view} hintCount={Object.keys(autosave.hints).length} /> : null}
          </>
        );
      }}
    </ActionForm>
  );
}
