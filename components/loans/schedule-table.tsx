import { getTranslations } from "next-intl/server";
import type { Instalment } from "@/lib/loans/schedule";
import { formatFen } from "@/lib/money/fen";

export async function ScheduleTable({ schedule, interestTotalFen }: { schedule: Instalment[]; interestTotalFen: bigint }) {
  const [t, col] = await Promise.all([getTranslations("subsidy.loan"), getTranslations("subsidy.columns")]);
  if (schedule.length === 0) return null;
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="schedule-table">
          <thead><tr><th className="num">{col("seq")}</th><th>{col("dueOn")}</th><th className="num">{col("principal")}</th><th className="num">{col("interest")}</th><th className="num">{col("balanceAfter")}</th></tr></thead>
          <tbody>
            {schedule.map((i) => (
              <tr key={i.seq}>
                <td className="num">{i.seq}</td>
                <td style={{ whiteSpace: "nowrap" }}>{i.dueOn}</td>
                <td className="num">{formatFen(i.principalFen)}</td>
                <td className="num">{formatFen(i.interestFen)}</td>
                <td className="num">{formatFen(i.balanceAfterFen)}</td>
              </tr>
            ))}
            <tr><th colSpan={3}>{col("totalRow")}</th><th className="num">{formatFen(interestTotalFen)}</th><th /></tr>
          </tbody>
        </table>
      </div>
      <p className="who">{t("scheduleNote")}</p>
    </>
  );
}
