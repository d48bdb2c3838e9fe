import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { HISTORY_COLUMNS } from "@/lib/history/lines";
import { historyImportPage } from "@/lib/history/queries";
import { HistoryUpload } from "@/components/history/history-upload";

/** The centre's import of the years before the portal: what a file holds, the upload, earlier imports. */
export async function HistoryPage({ actor }: { actor: StaffActor }) {
  const [t, format, locale, data] = await Promise.all([getTranslations("history"), getFormatter(), getLocale(), historyImportPage(actor)]);
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      <section className="card" aria-labelledby="history-upload">
        <h2 id="history-upload">{t("uploadTitle")}</h2>
        <p className="field__hint">{t("uploadLead")}</p>
        <HistoryUpload
          banks={data.banks.map((b) => ({ id: b.id, name: locale === "en" ? b.nameEn : b.nameZh }))}
          labels={{ bank: t("bank"), file: t("file"), upload: t("upload"), line: t("line"), problem: t("problem"), template: t("template") }}
        />
      </section>
      <h2>{t("columnsTitle")}</h2>
      <div className="table-wrap">
        <table className="table table--stack" data-testid="history-columns">
          <thead><tr><th>{t("column")}</th><th>{t("meaning")}</th></tr></thead>
          <tbody>
            {HISTORY_COLUMNS.map((c) => (
              <tr key={c}><td data-label={t("column")}><code>{c}</code></td><td data-label={t("meaning")}>{t(`columns.${c}`)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("importsTitle")}</h2>
      <div className="table-wrap">
        <table className="table table--stack" data-testid="history-imports">
          <thead><tr><th>{t("fileName")}</th><th className="num">{t("lines")}</th><th>{t("bank")}</th><th>{t("importedBy")}</th></tr></thead>
          <tbody>
            {data.imports.length === 0 ? <tr><td colSpan={4}>{t("noImports")}</td></tr> : null}
            {data.imports.map((i) => (
              <tr key={i.id}>
                <td data-label={t("fileName")}>{i.fileName} <span className="badge badge--historical">{t("badge")}</span></td>
                <td data-label={t("lines")} className="num">{format.number(i.lineCount)}</td>
                <td data-label={t("bank")}>{i.bank}</td>
                <td data-label={t("importedBy")}>{i.importedBy ?? "—"}<br /><small className="who">{format.dateTime(i.createdAt, { dateStyle: "short", timeStyle: "short" })}</small></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
