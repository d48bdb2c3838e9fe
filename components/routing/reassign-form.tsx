"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { useReportedAction } from "@/components/ui/page-feedback";
import { reassignCaseAction } from "@/lib/routing/actions";

/** Moves one open case of an organisation to another active organisation of its type. */
export function ReassignCaseForm({ fromOrgId, applicationId, version, number, targets }: {
  fromOrgId: string; applicationId: string; version: number; number: string; targets: { id: string; name: string }[];
}) {
  const t = useTranslations("admin.reassign");
  // The row leaves the list once moved: the page's banner carries the result.
  const action = useReportedAction(reassignCaseAction);
  return (
    <ActionForm action={action} hidden={{ fromOrgId, applicationId, version }} className="actions">
      {(state) => (
        <>
          <label className="visually-hidden" htmlFor={`reassign-${applicationId}`}>{t("to")} {number}</label>
          <select key={kept(state, "toOrgId")} id={`reassign-${applicationId}`} name="toOrgId" defaultValue={kept(state, "toOrgId")} aria-invalid={!!fieldErrors(state, "toOrgId")?.length}>
            <option value="">{t("to")}</option>
            {targets.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
          </select>
          <SubmitButton variant="secondary">{t("submit")}</SubmitButton>
          {(fieldErrors(state, "toOrgId") ?? []).map((e) => <span key={e} className="field__error" role="alert">{e}</span>)}
        </>
      )}
    </ActionForm>
  );
}
