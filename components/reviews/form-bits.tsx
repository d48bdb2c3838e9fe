"use client";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import { SelectField, TextAreaField, type Option } from "@/components/ui/bound-fields";
import type { PreviewContext } from "@/components/reviews/message-preview";
import type { PartnerRoute } from "@/lib/routing/rules";

/** What every case form needs: the case, the version the user saw, and the page's defaults. */
export type CaseFormContext = {
  applicationId: string;
  version: number;
  needsChecker: boolean;
  guarantors: Option[];
  banks: Option[];
  routes: { GUARANTOR: PartnerRoute; BANK: PartnerRoute };
  rejectReasons: Option[];
  colleagues: Option[];
  currentUserId: string;
  /** What the applicant would be told, for the forms' previews. */
  preview: PreviewContext;
  defaults: {
    amountYuan: string;
    termMonths: string;
    principalYuan: string;
    disburseYuan: string;
    today: string;
    /** The one-year LPR in force today (lib/lpr), proposed as the approval's pricing reference. */
    lpr: { rateBp: number; effectiveFrom: string; reference: string } | null;
  };
};


/** A decision's comment: a note between the organisations on the case, never sent to the applicant. */
export function CommentField({ form, state, label, hint }: { form: string; state: ActionState; label?: string; hint?: string }) {
  const t = useTranslations("case.form");
  return <TextAreaField form={form} state={state} name="comment" label={label ?? t("comment")} hint={hint ?? t("internalHint")} maxLength={1000} />;
}

/** The one organisation to route to is preselected; with several, the user chooses. */
export const onlyOption = (options: Option[]): string => (options.length === 1 ? options[0]!.id : "");

/** The partner a routing step sends the case to: a choice, or the rule's partner shown as such. */
export function PartnerField({ form, state, name, label, options, route }: {
  form: string; state: ActionState; name: string; label: string; options: Option[]; route: PartnerRoute;
}) {
  const t = useTranslations("case.form");
  if (route.by === "choice") {
    return <SelectField form={form} state={state} name={name} label={label} options={options} fallback={onlyOption(options)} placeholder={t("choose")} />;
  }
  return (
    <div className="field" data-testid={`${form}-routed`}>
      <span className="field__label">{label}</span>
      {route.name ? <p>{t("routedByRule", { name: route.name })}</p> : <p className="form-error" role="alert">{t("routedNoRule")}</p>}
    </div>
  );
}
