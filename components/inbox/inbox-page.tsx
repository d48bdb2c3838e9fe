import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/roles";
import { formatFen } from "@/lib/money/fen";
import { displayParams, STAFF_TEXT } from "@/lib/notifications/codes";
import { myAssignedCases, myInbox, type InboxItem } from "@/lib/notifications/inbox-queries";
import { MarkReadButton } from "@/components/inbox/mark-read-button";
import { RenewButton } from "@/components/applications/case-buttons";

const GROUP_BADGE = { due: "badge--amber", escalated: "badge--red", assigned: "", case: "" } as const;

/**
 * The signed-in user's messages: what is due, what was escalated to them, what was assigned; coded
 * messages in the reader's language. `caseBase` is where this user's case pages live.
 */
export async function InboxPage({ actor, caseBase, basePath, cursor }: { actor: Actor; caseBase: string; basePath: string; cursor?: string }) {
  const [t, status, format, inbox, assigned] = await Promise.all([
    getTranslations("inbox"), getTranslations("status"), getFormatter(), myInbox(actor, { cursor: cursor ?? null }),
    actor.kind === "STAFF" && !cursor ? myAssignedCases(actor) : Promise.resolve([]),
  ]);
  const words = (item: InboxItem) => {
    if (!("code" in item.notice)) return { title: item.notice.title, body: item.notice.body };
    const params = displayParams(item.notice.params, formatFen);
    return { title: t(`notice.${item.notice.code}.title`, params), body: t(`notice.${item.notice.code}.body`, params) };
  };
  return (
    <>
      <h1>{t("title")}</h1>
      {actor.kind === "STAFF" && !cursor ? (
        <section aria-labelledby="assigned-heading" data-testid="assigned">
          <h2 id="assigned-heading">{t("assigned.title")}</h2>
          {assigned.length === 0 ? <p className="muted">{t("assigned.empty")}</p> : (
            <div className="table-wrap">
              <table className="table">
                <thead><tr><th>{t("assigned.number")}</th><th>{t("assigned.enterprise")}</th><th>{t("assigned.stage")}</th><th>{t("assigned.due")}</th></tr></thead>
                <tbody>
                  {assigned.map((c) => (
                    <tr key={c.id} className={c.late ? "row--late" : undefined}>
                      <td className="case-code"><Link href={`${caseBase}/${c.id}`}>{c.number}</Link></td>
                      <td>{c.enterpriseName}</td>
                      <td className="nowrap">{status(c.status)}</td>
                      <td className="nowrap">
                        {c.stageDueAt ? format.dateTime(c.stageDueAt, { dateStyle: "medium", timeStyle: "short" }) : "—"}
                        {c.late ? <> <span className="badge badge--red">{t("assigned.late")}</span></> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2>{t("messages")}</h2>
        </section>
      ) : null}
      <div className="actions" style={{ justifyContent: "space-between", alignItems: "center", marginBottom: ".8rem" }}>
        <p className="muted" data-testid="inbox-unread" style={{ margin: 0 }}>{t("unread", { count: inbox.unread })}</p>
        {inbox.unread > 0 ? <MarkReadButton label={t("markRead")} /> : null}
      </div>
      {inbox.items.length === 0 ? <p className="notice notice--info">{t("empty")}</p> : null}
      {inbox.items.map((item) => {
        const { title, body } = words(item);
        const loanId = "code" in item.notice && item.notice.code === "loanMaturing" ? item.notice.params.loanId : undefined;
        const callId = "code" in item.notice && item.notice.code === "hotlineFollowUpDue" ? item.notice.params.callId : undefined;
        return (
          <article key={item.id} className={`card${item.unread ? " card--unread" : ""}`} data-testid="notification" data-code={"code" in item.notice ? item.notice.code : undefined}>
            <p style={{ margin: 0 }}>
              {"code" in item.notice ? <span className={`badge ${GROUP_BADGE[item.notice.group]}`}>{t(`group.${item.notice.group}`)}</span> : null}{" "}
              {item.unread ? <span className="badge badge--green">{t("new")}</span> : null}{" "}
              <strong>{title}</strong>{" "}
              <time className="who" dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
            <p>{body}</p>
            {"code" in item.notice && item.notice.params[STAFF_TEXT] ? (
              <blockquote className="staff-text" data-testid="staff-text">{item.notice.params[STAFF_TEXT]}</blockquote>
            ) : null}
            <div className="actions">
              {item.applicationId ? <Link href={`${caseBase}/${item.applicationId}`}>{actor.kind === "APPLICANT" ? t("viewApplication") : t("viewCase")}</Link> : null}
              {loanId && actor.kind === "APPLICANT" ? <RenewButton loanId={loanId} /> : null}
              {callId ? <Link href={`/hotline/calls/${callId}`}>{t("viewCall")}</Link> : null}
            </div>
          </article>
        );
      })}
      {inbox.nextCursor ? <p><Link href={`${basePath}?cursor=${inbox.nextCursor}`} className="btn btn--secondary">{t("more")}</Link></p> : null}
    </>
  );
}
