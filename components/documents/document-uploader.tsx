"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { documentHref, formatBytes, type ChecklistItem } from "@/lib/documents/dto";
import { CAMERA_ACCEPT, DOCUMENT_ACCEPT, MAX_DOCUMENT_BYTES } from "@/lib/documents/limits";

type UploadState =
  | { phase: "uploading"; percent: number; fileName: string }
  | { phase: "error"; message: string }
  | { phase: "done"; message: string };

// Read by screen readers, not shown (globals.css has no such utility class yet).
const SCREEN_READER_ONLY = {
  position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap",
} as const;

type Props = { applicationId: string; checklist: ChecklistItem[]; editable: boolean };

type Answer = { ok: true; document: { fileName: string; version: number } } | { ok: false; code: string; message: string };

const pageCount = (item: ChecklistItem) => item.pages?.length ?? (item.current ? 1 : 0);

/**
 * The case's document checklist with one file input per item. Uploads go to the JSON route with
 * XMLHttpRequest (fetch cannot report upload progress); the server's message shows next to the
 * item, and a success refreshes the page's data. A document may have several pages (a photo of
 * each): once one is uploaded, "add as the next page" keeps the pages there; otherwise a file
 * replaces the whole document. On phones the camera button opens the camera (`capture="environment"`).
 */
export function DocumentUploader({ applicationId, checklist, editable }: Props) {
  const router = useRouter();
  const t = useTranslations("case.upload");
  const [addPage, setAddPage] = useState<Partial<Record<DocumentKind, boolean>>>({});
  const [uploads, setUploads] = useState<Partial<Record<DocumentKind, UploadState>>>({});
  const requests = useRef(new Map<DocumentKind, XMLHttpRequest>());

  useEffect(() => {
    const inFlight = requests.current;
    return () => inFlight.forEach((xhr) => xhr.abort());
  }, []);

  const setState = (kind: DocumentKind, state: UploadState) => setUploads((all) => ({ ...all, [kind]: state }));

  function upload(kind: DocumentKind, input: HTMLInputElement, asPage: boolean) {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    if (file.size === 0) return setState(kind, { phase: "error", message: t("empty") });
    if (file.size > MAX_DOCUMENT_BYTES) return setState(kind, { phase: "error", message: t("tooLarge", { mb: MAX_DOCUMENT_BYTES / (1024 * 1024) }) });

    const body = new FormData();
    body.set("kind", kind);
    body.set("mode", asPage ? "page" : "replace");
    body.set("file", file);
    const xhr = new XMLHttpRequest();
    requests.current.set(kind, xhr);
    xhr.open("POST", `/api/applications/${encodeURIComponent(applicationId)}/documents`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        setState(kind, { phase: "uploading", percent: Math.round((event.loaded / event.total) * 100), fileName: file.name });
      }
    };
    xhr.onload = () => {
      requests.current.delete(kind);
      const answer = xhr.response as Answer | null;
      if (xhr.status >= 200 && xhr.status < 300 && answer?.ok) {
        const page = asPage ? pageCount(checklist.find((i) => i.kind === kind)!) + 1 : 0;
        setState(kind, { phase: "done", message: page ? t("pageAdded", { n: page, name: answer.document.fileName }) : t("uploaded", { name: answer.document.fileName, version: answer.document.version }) });
        router.refresh();
      } else {
        setState(kind, { phase: "error", message: answer && !answer.ok ? answer.message : t("failed", { status: xhr.status }) });
      }
    };
    xhr.onerror = () => {
      requests.current.delete(kind);
      setState(kind, { phase: "error", message: t("offline") });
    };
    setState(kind, { phase: "uploading", percent: 0, fileName: file.name });
    xhr.send(body);
  }

  return (
    <div className="table-wrap">
      <table className="table" data-testid="document-checklist">
        <caption className="field__hint" style={{ textAlign: "left", padding: ".5rem .7rem" }}>
          {t.rich("caption", { mark: (chunks) => <span className="required">{chunks}</span> })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("colItem")}</th>
            <th scope="col">{t("colState")}</th>
            <th scope="col">{t("colFile")}</th>
            {editable ? <th scope="col">{t("colUpload")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {checklist.map((item) => {
            const state = uploads[item.kind];
            const inputId = `document-${item.kind}`;
            const statusId = `${inputId}-status`;
            const errorId = `${inputId}-error`;
            const uploading = state?.phase === "uploading";
            const asPage = Boolean(item.current && addPage[item.kind]);
            return (
              <tr key={item.kind} data-kind={item.kind}>
                <th scope="row">
                  {item.label}
                  {item.required ? (
                    <>
                      <span className="required" aria-hidden="true"> *</span>
                      <span style={SCREEN_READER_ONLY}>{t("requiredMark")}</span>
                    </>
                  ) : null}
                </th>
                <td>
                  <ItemBadge item={item} state={state} />
                </td>
                <td>
                  {pageCount(item) > 1 ? (
                    <ol className="document-pages" data-testid="document-pages" aria-label={t("pages", { n: pageCount(item) })}>
                      {item.pages.map((p, i) => (
                        <li key={p.id}>
                          <a href={documentHref(p.id)}>{t("pageNamed", { n: i + 1, name: p.fileName })}</a>{" "}
                          <span className="field__hint">{formatBytes(p.sizeBytes)}</span>
                        </li>
                      ))}
                    </ol>
                  ) : item.current ? (
                    <>
                      <a href={documentHref(item.current.id)}>{item.current.fileName}</a>
                      <br />
                      <span className="field__hint">
                        {t("version", { version: item.current.version })} · {formatBytes(item.current.sizeBytes)}
                      </span>
                    </>
                  ) : (
                    <span className="field__hint">—</span>
                  )}
                </td>
                {editable ? (
                  <td>
                    <div className={`field${state?.phase === "error" ? " field--invalid" : ""}`}>
                      <label htmlFor={inputId}>
                        {t(item.current ? "replace" : "upload", { label: item.label })}
                      </label>
                      <input
                        id={inputId}
                        type="file"
                        accept={DOCUMENT_ACCEPT}
                        disabled={uploading}
                        aria-invalid={state?.phase === "error" ? true : undefined}
                        aria-describedby={`${statusId}${state?.phase === "error" ? ` ${errorId}` : ""}`}
                        onChange={(event) => upload(item.kind, event.currentTarget, asPage)}
                      />
                      <label className="btn btn--secondary btn--small" htmlFor={`${inputId}-camera`} aria-label={t("cameraLabel", { label: item.label })}>
                        {t("camera")}
                      </label>
                      <input
                        id={`${inputId}-camera`}
                        type="file"
                        accept={CAMERA_ACCEPT}
                        capture="environment"
                        disabled={uploading}
                        data-testid="camera-input"
                        style={SCREEN_READER_ONLY}
                        onChange={(event) => upload(item.kind, event.currentTarget, asPage)}
                      />
                      {item.current ? (
                        <label className="checkbox">
                          <input type="checkbox" name={`${inputId}-add-page`} checked={asPage} disabled={uploading}
                            onChange={(event) => {
                              const checked = event.currentTarget.checked;
                              setAddPage((all) => ({ ...all, [item.kind]: checked }));
                            }} />{" "}
                          {t("addPage", { n: pageCount(item) })}
                        </label>
                      ) : null}
                    </div>
                    <div id={statusId} aria-live="polite">
                      {state?.phase === "uploading" ? (
                        <>
                          <progress max={100} value={state.percent} aria-label={t("progressLabel", { label: item.label })}>
                            {state.percent}%
                          </progress>
                          <span className="field__hint">
                            {t("progress", { name: state.fileName, percent: state.percent })}
                          </span>
                        </>
                      ) : null}
                      {state?.phase === "done" ? <p className="notice notice--success">{state.message}</p> : null}
                    </div>
                    {state?.phase === "error" ? (
                      <p id={errorId} className="field__error" role="alert">
                        {state.message}
                      </p>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ItemBadge({ item, state }: { item: ChecklistItem; state: UploadState | undefined }) {
  const t = useTranslations("case.upload.badge");
  if (state?.phase === "uploading") return <span className="badge badge--amber">{t("uploading")}</span>;
  if (item.current) return <span className="badge badge--green">{t("uploaded")}</span>;
  if (item.required) return <span className="badge badge--red">{t("missing")}</span>;
  return <span className="badge">{t("optional")}</span>;
}
