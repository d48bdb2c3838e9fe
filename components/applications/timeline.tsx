import { getFormatter, getTranslations } from "next-intl/server";
import type { TimelineEntry } from "@/lib/applications/timeline";

export async function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const [t, orgTypes, format] = await Promise.all([getTranslations("events"), getTranslations("orgTypes"), getFormatter()]);
  if (entries.length === 0) return null;
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} data-event={e.event}>
          <strong>{t(e.event)}</strong>{" "}
          <span className="who">
            {e.by.kind === "organisation" ? `${orgTypes(e.by.type)} · ${e.by.name}${e.by.person ? ` · ${e.by.person}` : ""}` : e.by.kind === "applicant" ? t("byApplicant") : t("bySystem")}
          </span>
          <br />
          <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
          {e.comment ? <p>{e.comment}</p> : null}
          {e.missingItems.length ? (
            <ul>{e.missingItems.map((m) => <li key={m}>{m}</li>)}</ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
