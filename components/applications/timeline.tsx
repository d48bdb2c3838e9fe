import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { TimelineEntry } from "@/lib/applications/timeline";
import { displayParams } from "@/lib/notifications/codes";
import { formatFen } from "@/lib/money/fen";

/**
 * A case's history. The staff see each decision's comment and the internal notes, marked as
 * internal, and what the applicant was told beside them; the applicant sees only what they were
 * told (and their own words), in their language, the staff's free text as written.
 */
export async function Timeline({ entries, audience = "applicant" }: { entries: TimelineEntry[]; audience?: "applicant" | "staff" }) {
  const [t, orgTypes, inbox, format] = await Promise.all([getTranslations("events"), getTranslations("orgTypes"), getTranslations("inbox"), getFormatter()]);
  return <TimelineView entries={entries} audience={audience} words={{ t, orgTypes, inbox, format }} />;
}

/** The words and formatter of the timeline: next-intl's `events`, `orgTypes` and `inbox` translators. */
export type TimelineWords = {
  t: Awaited<ReturnType<typeof getTranslations<"events">>>;
  orgTypes: Awaited<ReturnType<typeof getTranslations<"orgTypes">>>;
  inbox: Awaited<ReturnType<typeof getTranslations<"inbox">>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
};

/**
 * The same history for a page that has read the words itself: a plain component, so it renders
 * within the page's own payload row instead of one of its own.
 */
export function TimelineView({ entries, audience = "applicant", words }: { entries: TimelineEntry[]; audience?: "applicant" | "staff"; words: TimelineWords }) {
  const { t, orgTypes, inbox, format } = words;
  if (entries.length === 0) return null;
  const staff = audience === "staff";
  return (
    <ol className="timeline" data-testid="timeline">
      {entries.map((e) => (
        <li key={e.id} data-event={e.event}>
          <strong>{e.event === "message_sent" && !staff ? t("messageToYou") : t(e.event)}</strong>{" "}
          <span className="who">
            {e.by.kind === "organisation" ? `${orgTypes(e.by.type)} · ${e.by.name}${e.by.person ? ` · ${e.by.person}` : ""}` : e.by.kind === "applicant" ? t("byApplicant") : t("bySystem")}
          </span>
          <br />
          <time dateTime={e.at.toISOString()}>{format.dateTime(e.at, { dateStyle: "medium", timeStyle: "short" })}</time>
          {e.unreadable ? <p className="unreadable" data-testid="timeline-unreadable">{t("unreadable")}</p> : null}
          {e.comment ? (
            staff && e.by.kind === "organisation"
              ? <p className="internal-note" data-testid="internal-comment"><span className="badge">{t("internalLabel")}</span> {e.comment}</p>
              : <p>{e.comment}</p>
          ) : null}
          {e.missingItems.length ? (
            <ul>{e.missingItems.map((m) => <li key={m}>{m}</li>)}</ul>
          ) : null}
          {e.message ? (
            <div className="timeline-message" data-testid="timeline-message">
              {staff ? <span className="badge badge--green">{t("messageLabel")}</span> : null}
              {/* A return's list is shown above; its template only repeats it in a sentence. */}
              {e.event !== "returned" ? <p>{inbox(`notice.${e.message.code}.body`, displayParams(e.message.params, formatFen))}</p> : null}
              {e.message.text ? <blockquote className="staff-text">{e.message.text}</blockquote> : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
