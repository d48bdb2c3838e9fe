"use client";
import { requestBatchPdfsAction } from "@/lib/subsidies/actions";
import { ActionForm } from "@/components/ui/action-form";
import { SubmitButton } from "@/components/ui/submit-button";

/** Asks for all of a batch's PDFs; the job's progress shows below once it is queued. */
export function BatchPdfsRequest({ batchId, label }: { batchId: string; label: string }) {
  return (
    <ActionForm action={requestBatchPdfsAction} hidden={{ batchId }} className="actions">
      {() => <SubmitButton variant="secondary">{label}</SubmitButton>}
    </ActionForm>
  );
}
