import { getTranslations } from "next-intl/server";
import type { ChecklistItem } from "@/lib/applications/required-documents";
import { documentHref, formatBytes } from "@/lib/documents/dto";

/** The case's current documents for staff: open in a new tab to read, or download. */
export async function CaseDocuments({ checklist }: { checklist: ChecklistItem[] }) {
  const t = await getTranslations("case.documents");
  const missing = checklist.filter((d) => d.required && !d.current).length;
  return (
    <section className="card" aria-labelledby="case-documents">
      <h2 id="case-documents">
        {t("title")}{" "}
        {missing ? <span className="badge badge--red">{t("missing", { n: missing })}</span> : <span className="badge badge--green">{t("complete")}</span>}
      </h2>
      <ul className="case-docs" data-testid="case-documents">
        {checklist.map((d) => (
          <li key={d.kind} data-kind={d.kind}>
            <div>
              <strong>{d.label}</strong>
              {d.waived ? <span className="badge badge--green" data-testid="waived"> {t("waived")}</span> : d.required ? null : <span className="field__hint"> {t("optional")}</span>}
              <br />
              {d.current ? (
                <span className="field__hint">{t("file", { name: d.current.fileName, version: d.current.version, size: formatBytes(d.current.sizeBytes) })}</span>
              ) : (
                <span className="badge badge--red">{t("notUploaded")}</span>
              )}
            </div>
            {d.current && !d.current.readable ? <span className="field__hint">{t("notForYourStep")}</span> : null}
            {d.current?.readable ? (
              <div className="actions">
                <a className="btn btn--secondary btn--small" href={documentHref(d.current.id, true)} target="_blank" rel="noopener noreferrer"
                  aria-label={t("viewLabel", { label: d.label })}>
                  {t("view")}
                </a>
                <a className="btn btn--link" href={documentHref(d.current.id)} download aria-label={t("downloadLabel", { label: d.label })}>
                  {t("download")}
                </a>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
