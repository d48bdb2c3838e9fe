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
        {checklist.map((d) => ({ ...d, label: t(`kind.${d.kind}`) })).map((d) => (
          <li key={d.kind} data-kind={d.kind}>
            <div>
              <strong>{d.label}</strong>
              {d.waived ? <span className="badge badge--green" data-testid="waived"> {t("waived")}</span> : d.required ? null : <span className="field__hint"> {t("optional")}</span>}
              <br />
              {d.pages.length > 1 ? (
                <span className="field__hint" data-testid="document-page-count">{t("pages", { n: d.pages.length })}</span>
              ) : d.current ? (
                <span className="field__hint">{t("file", { name: d.current.fileName, version: d.current.version, size: formatBytes(d.current.sizeBytes) })}</span>
              ) : (
                <span className="badge badge--red">{t("notUploaded")}</span>
              )}
            </div>
            {d.current && !d.current.readable ? <span className="field__hint">{t("notForYourStep")}</span> : null}
            {d.pages.filter((p) => p.readable).map((p, i) => (
              <div className="actions" key={p.id} data-testid="document-page">
                {d.pages.length > 1 ? <span className="field__hint">{t("page", { n: i + 1 })}</span> : null}
                <a className="btn btn--secondary btn--small" href={documentHref(p.id, true)} target="_blank" rel="noopener noreferrer"
                  aria-label={t("viewLabel", { label: d.pages.length > 1 ? `${d.label} ${t("page", { n: i + 1 })}` : d.label })}>
                  {t("view")}
                </a>
                <a className="btn btn--link" href={documentHref(p.id)} download
                  aria-label={t("downloadLabel", { label: d.pages.length > 1 ? `${d.label} ${t("page", { n: i + 1 })}` : d.label })}>
                  {t("download")}
                </a>
              </div>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
