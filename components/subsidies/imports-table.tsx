import { getFormatter, getTranslations } from "next-intl/server";
import type { ImportRow } from "@/lib/subsidies/queries";

export async function ImportsTable({ rows }: { rows: ImportRow[] }) {
  const [col, c, format] = await Promise.all([getTranslations("subsidy.columns"), getTranslations("subsidy.common"), getFormatter()]);
  if (rows.length === 0) return <p className="notice notice--info">{c("none")}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="imports-table">
        <thead><tr><th>{col("file")}</th><th className="num">{col("lines")}</th><th>{col("importedAt")}</th><th>{col("importedBy")}</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td style={{ minWidth: "12rem", overflowWrap: "anywhere" }}>{r.fileName}</td>
              <td className="num">{r.lineCount}</td>
              <td style={{ whiteSpace: "nowrap" }}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
              <td style={{ whiteSpace: "nowrap" }}>{r.importedBy}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
