import { getFormatter, getTranslations } from "next-intl/server";
import type { BatchEvent } from "@/lib/subsidies/queries";

/** The batch's history, read from its audit events. */
export async function BatchHistory({ events }: { events: BatchEvent[] }) {
  const [t, format, c, h, eventWords] = await Promise.all([
    getTranslations("subsidy.events"), getFormatter(), getTranslations("subsidy.common"), getTranslations("subsidy.history"), getTranslations("events"),
  ]);
  if (events.length === 0) return <p className="who">{c("none")}</p>;
  return (
    <ol className="timeline" data-testid="batch-history">
      {events.map((e, i) => {
        const key = e.action.replace(/^subsidy\./, "");
        const note = [
          ...e.texts,
          ...(e.paymentRef ? [h("paymentRef", { ref: e.paymentRef })] : []),
          ...(e.added !== null ? [h("added", { n: String(e.added) })] : []),
        ].join(h("separator"));
        return (
          <li key={i}>
            <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
            <div><strong>{t.has(key) ? t(key) : e.action}</strong> · {e.actorName ?? h("system")}</div>
            {note ? <div className="who">{note}</div> : null}
            {e.unreadable ? <div className="unreadable">{eventWords("unreadable")}</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
