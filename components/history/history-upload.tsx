"use client";
import { importHistoryAction } from "@/lib/history/actions";
import { FileImport, type FileImportLabels } from "@/components/ui/file-import";
import { Field } from "@/components/ui/field";

export type HistoryUploadLabels = FileImportLabels & { bank: string };

/** The historical file's upload and, for a refused file, its per-line report (nothing was stored). */
export function HistoryUpload({ banks, labels }: { banks: { id: string; name: string }[]; labels: HistoryUploadLabels }) {
  return (
    <FileImport id="history" action={importHistoryAction} templateHref="/api/history/template" problemsTestId="history-problems" labels={labels}>
      <Field id="history-bank" label={labels.bank} required>
        {(control) => (
          <select {...control} name="bankOrgId" defaultValue={banks[0]?.id}>
            {banks.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        )}
      </Field>
    </FileImport>
  );
}
