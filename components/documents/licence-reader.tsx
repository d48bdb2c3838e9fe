"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { isFinished, type ReadingDto } from "@/lib/ocr/dto";
import { LICENCE_FIELDS, type LicenceField } from "@/lib/ocr/licence-fields";

type Props = {
  /** The case whose licence is read; null when there is no open case to upload to. */
  applicationId: string | null;
  initial: ReadingDto | null;
  canUpload: boolean;
  /** The id of the form whose fields a proposal fills; without it the proposals are shown to compare. */
  formId?: string;
};

// The enterprise form's field for each proposal; the licence's type has no field and is shown only.
const FORM_FIELD: Partial<Record<LicenceField, string>> = {
  creditCode: "creditCode", name: "name", legalRepName: "legalRepName", foundedOn: "foundedOn", address: "address",
};
const POLL_MS = 1000;

type Choice = "used" | "kept";

/** Fills one uncontrolled input the way typing would, so the form's change listeners (autosave) see it. */
function fill(formId: string, name: string, value: string): boolean {
  const input = document.querySelector<HTMLInputElement>(`#${CSS.escape(formId)} [name="${name}"]`);
  if (!input) return false;
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set?.call(input, value);
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
  return true;
}

/**
 * Upload a business licence and see what the portal read from it. Nothing is filled on its own:
 * each proposal waits for "use it" (fills that field; the person still saves) or for keeping what was typed.
 */
export function LicenceReader({ applicationId, initial, canUpload, formId }: Props) {
  const t = useTranslations("applicant.licenceReading");
  const [reading, setReading] = useState<ReadingDto | null>(initial);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Partial<Record<LicenceField, Choice>>>({});

  // While the reading is under way, ask again each second; every answer (or failure) schedules the next.
  useEffect(() => {
    if (!reading || isFinished(reading.status)) return;
    const documentId = reading.documentId;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/documents/${encodeURIComponent(documentId)}/reading`, { cache: "no-store" });
        const answer = (await response.json()) as { ok: boolean; reading?: ReadingDto };
        if (answer.ok && answer.reading) return setReading(answer.reading);
      } catch {
        // a dropped connection: ask again
      }
      setReading((current) => (current ? { ...current } : current));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [reading]);

  async function upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = "";
    if (!file || !applicationId) return;
    setUploading(true);
    setError(null);
    const body = new FormData();
    body.set("kind", "BUSINESS_LICENCE");
    body.set("file", file);
    try {
      const response = await fetch(`/api/applications/${encodeURIComponent(applicationId)}/documents`, { method: "POST", body });
      const answer = (await response.json()) as { ok: true; document: { id: string } } | { ok: false; message: string };
      if (!answer.ok) return setError(answer.message);
      setChoices({});
      setReading({ documentId: answer.document.id, status: "QUEUED", progress: 0, failureCode: null, proposals: null });
    } catch {
      setError(t("networkError"));
    } finally {
      setUploading(false);
    }
  }

  const fields = reading?.proposals?.fields ?? {};
  return (
    <section className="notice notice--info" data-testid="licence-reader" aria-live="polite">
      <strong>{t("title")}</strong>
      {reading ? <span className="badge" data-testid="licence-reading-status"> {t(`status.${reading.status}`)}</span> : null}
      <p className="field__hint">{t("lead")}</p>
      {canUpload && applicationId ? (
        <label className="btn btn--secondary">
          {uploading ? t("uploading") : t("upload")}
          <input type="file" accept="image/jpeg,image/png" hidden disabled={uploading} data-testid="licence-file"
            onChange={(event) => void upload(event.currentTarget)} />
        </label>
      ) : null}
      {!applicationId && canUpload ? <p className="field__hint">{t("noCase")}</p> : null}
      {error ? <p className="field__error" role="alert">{error}</p> : null}
      {reading && !isFinished(reading.status) ? (
        <p role="status" data-testid="licence-reading-progress">
          {reading.status === "QUEUED" ? t("queued") : t("reading", { percent: reading.progress })}
        </p>
      ) : null}
      {reading?.status === "FAILED" ? (
        <p className="field__error" role="alert" data-testid="licence-reading-failed">{t(`failure.${reading.failureCode ?? "ENGINE_ERROR"}`)}</p>
      ) : null}
      {reading?.status === "DONE" ? (
        <>
          {reading.proposals?.notices.map((notice) => <p key={notice} className="field__hint" data-testid={`licence-notice-${notice}`}>{t(`notice.${notice}`)}</p>)}
          <p>{formId ? t("done") : t("doneCompare")}</p>
          <dl className="facts" data-testid="licence-proposals">
            {LICENCE_FIELDS.filter((f) => fields[f]).map((field) => {
              const target = formId ? FORM_FIELD[field] : undefined;
              const choice = choices[field];
              return (
                <div key={field} data-testid={`proposal-${field}`} style={{ display: "contents" }}>
                  <dt>{t(`fields.${field}`)}</dt>
                  <dd>
                    <span>{fields[field]}</span>{" "}
                    {target && !choice ? (
                      <>
                        <button type="button" className="btn btn--small" onClick={() => {
                          if (fill(formId!, target, fields[field]!)) setChoices((all) => ({ ...all, [field]: "used" }));
                        }}>{t("use")}</button>{" "}
                        <button type="button" className="btn btn--small btn--secondary" onClick={() => setChoices((all) => ({ ...all, [field]: "kept" }))}>
                          {t("keep")}
                        </button>
                      </>
                    ) : null}
                    {choice ? <span className="muted">{t(choice)}</span> : null}
                    {formId && !target ? <span className="muted">{t("notInForm")}</span> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : null}
    </section>
  );
}
