import { useTranslations } from "next-intl";
import type { WordedStatementError } from "@/lib/subsidies/job-view";

/** A rejected file's line-by-line report (nothing was stored); `total` counts the problems beyond those shown. */
export function StatementReport({ errors, total }: { errors: WordedStatementError[]; total: number }) {
  const t = useTranslations("subsidy.bank");
  const col = useTranslations("subsidy.columns");
  const p = useTranslations("common.punct");
  return (
    <div className="table-wrap" style={{ marginTop: ".8rem" }}>
      <table className="table" data-testid="import-errors">
        <caption className="who" style={{ textAlign: "left", padding: ".4rem .7rem" }}>
          {t("reportTitle")}{total > errors.length ? p("paren", { text: `${errors.length} / ${total}` }) : ""}
        </caption>
        <thead><tr><th className="num">{col("line")}</th><th>{col("column")}</th><th>{col("problem")}</th></tr></thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={`${e.line}-${e.column}-${i}`}>
              <td className="num">{e.line || "—"}</td>
              <td>{e.column || "—"}</td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
