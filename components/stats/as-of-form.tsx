import { getTranslations } from "next-intl/server";
import { Field } from "@/components/ui/field";

/** A GET form: the day to count up to, and the same figures as CSV or XLSX. */
export async function AsOfForm({ action, asOf, today }: { action: string; asOf: string; today: string }) {
  const t = await getTranslations("stats");
  return (
    <form method="get" action={action} className="queue-filters" aria-label={t("formLabel")}>
      <Field id="stats-as-of" label={t("asOfLabel")}>
        {(control) => (
          // Required without the mark (the day is always filled in); its hint sits below the buttons.
          <input {...control} type="date" name="asOf" defaultValue={asOf} max={today} min="2017-01-01" required aria-describedby="stats-as-of-hint" />
        )}
      </Field>
      <div className="actions" style={{ paddingBottom: ".1rem" }}>
        <button type="submit" className="btn btn--primary">{t("show")}</button>
        <a href={`/api/stats?asOf=${asOf}`} className="btn btn--secondary" download data-testid="stats-csv">{t("downloadCsv")}</a>
        <a href={`/api/stats?asOf=${asOf}&format=xlsx`} className="btn btn--secondary" download data-testid="stats-xlsx">{t("downloadXlsx")}</a>
      </div>
      <p id="stats-as-of-hint" className="field__hint" style={{ flexBasis: "100%" }}>{t("asOfHint")}</p>
    </form>
  );
}
