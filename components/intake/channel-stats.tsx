import { getTranslations } from "next-intl/server";
import type { IntakeChannelRow } from "@/lib/stats/intake-channels";
import { formatFen } from "@/lib/money/fen";

/** Cases, approvals and amounts lent per intake channel and district union, as of the statistics page's day. */
export async function IntakeChannelStats({ rows }: { rows: IntakeChannelRow[] }) {
  const t = await getTranslations("intake");
  return (
    <section className="card" aria-labelledby="intake-channel-stats" data-testid="intake-channel-stats">
      <h2 id="intake-channel-stats">{t("stats.title")}</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{t("stats.channel")}</th>
              <th>{t("stats.organisation")}</th>
              <th className="num">{t("stats.applications")}</th>
              <th className="num">{t("stats.submitted")}</th>
              <th className="num">{t("stats.approved")}</th>
              <th className="num">{t("stats.disbursed")}</th>
              <th className="num">{t("stats.lent")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.channel}:${r.organisationId ?? ""}`}>
                <td>{t(`channel.${r.channel}`)}</td>
                <td>{r.organisationName ?? "—"}</td>
                <td className="num">{r.applications}</td>
                <td className="num">{r.submitted}</td>
                <td className="num">{r.approved}</td>
                <td className="num">{r.disbursed}</td>
                <td className="num">{formatFen(r.lentFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
