import { getTranslations } from "next-intl/server";
import { rootTranslator } from "@/lib/i18n/reader";
import { wordIn } from "@/lib/i18n/words";
import type { QueriedLine } from "@/lib/subsidies/queries";
import { fenToYuanString, formatFen } from "@/lib/money/fen";
import { formatPeriod, formatRateMicros } from "@/components/subsidies/format";
import { AnswerQueryForm, CorrectLineForm } from "@/components/subsidies/line-forms";

/** The centre's open queries to this bank, each with an answer form and a correction form. */
export async function QueriedLines({ lines, today }: { lines: QueriedLine[]; today: string }) {
  const [t, col, words, p] = await Promise.all([getTranslations("subsidy.bank"), getTranslations("subsidy.columns"), rootTranslator(), getTranslations("common.punct")]);
  if (lines.length === 0) return <p className="notice notice--info">{t("noQueries")}</p>;
  return (
    <div data-testid="queried-lines">
      {lines.map((l) => (
        <section key={l.id} className="card" data-line-key={l.lineKey}>
          <p style={{ marginTop: 0 }}>
            <strong>{l.contractNo}</strong> · {l.enterpriseName} · {formatPeriod(l.periodStart, l.periodEnd)} · {wordIn(words, l.quarterLabel)}
          </p>
          <p className="who" style={{ margin: "0 0 .6rem" }}>
            {col("interestDue")} {formatFen(l.interestDueFen)} · {col("interestPaid")} {formatFen(l.interestPaidFen)} · {col("subsidy")} {formatFen(l.subsidyFen)}
          </p>
          <p className="notice notice--warn" style={{ marginBottom: ".8rem" }}>{t("question")}{p("colon")}{l.query}</p>
          <div className="grid">
            <div>
              <AnswerQueryForm lineId={l.id} batchVersion={l.batchVersion} />
            </div>
            <details>
              <summary className="btn btn--secondary btn--small">{t("correctTitle")}</summary>
              <CorrectLineForm
                lineId={l.id}
                batchVersion={l.batchVersion}
                today={today}
                defaults={{
                  principalBalanceFen: fenToYuanString(l.balanceFen),
                  annualRateMicros: formatRateMicros(l.annualRateMicros),
                  interestDueFen: fenToYuanString(l.interestDueFen),
                  interestPaidFen: fenToYuanString(l.interestPaidFen),
                  paidOn: l.paidOn ?? "",
                  penaltyInterestFen: fenToYuanString(l.penaltyFen),
                  overdue: l.overdue,
                  extended: l.extended,
                }}
              />
            </details>
          </div>
        </section>
      ))}
    </div>
  );
}
