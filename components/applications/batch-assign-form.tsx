"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors } from "@/components/ui/form-message";
import { batchAssignAction } from "@/lib/reviews/actions";

/** Assigns the queue rows whose checkboxes belong to this form (their `form` attribute is `formId`). */
export function BatchAssignForm({ formId, workers, me }: { formId: string; workers: { id: string; name: string }[]; me: string }) {
  const t = useTranslations("table");
  return (
    <ActionForm id={formId} action={batchAssignAction} className="actions batch-assign">
        {(state) => (
          <>
            <label htmlFor="batch-assignee">{t("batchAssign")}</label>
            <select id="batch-assignee" name="assigneeId" defaultValue={me}>
              {workers.map((w) => <option key={w.id} value={w.id}>{w.name}</option>)}
            </select>
            <SubmitButton variant="secondary">{t("batchAssignSubmit")}</SubmitButton>
            {fieldErrors(state, "ids") ? <span className="field__error" role="alert">{fieldErrors(state, "ids")!.join(" ")}</span> : null}
          </>
        )}
    </ActionForm>
  );
}
