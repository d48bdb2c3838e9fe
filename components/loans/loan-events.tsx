import { getTranslations } from "next-intl/server";
import type { ServicingRecord } from "@/lib/loans/servicing-queries";
import { formatFen } from "@/lib/money/fen";

type Happening = { on: string; order: number; text: string; tone: "ok" | "warn" | "bad" };

/** What happened to the applicant's loan after disbursement, in plain words, oldest first. */
export async function LoanEvents({ record }: { record: ServicingRecord }) {
  const t = await getTranslations("servicing.applicant");
  const items: Happening[] = [];
  for (const r of record.repayments) {
    items.push({ on: r.paidOn, order: 1, tone: "ok", text: t("repayment", { principal: formatFen(r.principalFen), interest: formatFen(r.interestFen) }) });
  }
  for (const o of record.overdues) {
    items.push({ on: o.firstMissedOn, order: 0, tone: "warn", text: t("overdue", { principal: formatFen(o.principalFen), interest: formatFen(o.interestFen) }) });
    if (o.curedOn) items.push({ on: o.curedOn, order: 2, tone: "ok", text: t("cured") });
  }
  if (record.compensation) {
    items.push({ on: record.compensation.paidOn, order: 3, tone: "bad", text: t("compensated", { amount: formatFen(record.compensation.amountFen) }) });
    let left = record.compensation.amountFen;
    for (const r of record.recoveries) {
      left -= r.amountFen;
      items.push({ on: r.recoveredOn, order: 4, tone: "ok", text: t("recovered", { amount: formatFen(r.amountFen), left: formatFen(left) }) });
    }
  }
  if (record.status === "SETTLED" && record.closedOn) items.push({ on: record.closedOn, order: 5, tone: "ok", text: t("settled") });
  items.sort((a, b) => a.on.localeCompare(b.on) || a.order - b.order);
  return (
    <section className="card" aria-labelledby="loan-events" data-testid="loan-events">
      <h2 id="loan-events">{t("title")}</h2>
      {items.length === 0 ? <p>{t("none")}</p> : (
        <ol className="timeline">
          {items.map((i, n) => (
            <li key={n}>
              <time dateTime={i.on}>{i.on}</time>{" "}
              <span className={i.tone === "bad" ? "badge badge--red" : i.tone === "warn" ? "badge badge--amber" : "badge badge--green"}>{t(`tone.${i.tone}`)}</span>{" "}
              <span>{i.text}</span>
            </li>
          ))}
        </ol>
      )}
      {record.compensation ? <p className="notice notice--warn">{t("compensatedNote", { left: formatFen(record.compensation.amountFen - record.recoveredFen) })}</p> : null}
    </section>
  );
}
