import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/roles";
import { formatFen } from "@/lib/money/fen";
import { displayParams } from "@/lib/notifications/codes";
import { myInbox, type InboxItem } from "@/lib/notifications/inbox-queries";
import { MarkReadButton } from "@/components/inbox/mark-read-button";
import { RenewButton } from "@/components/applications/case-actions";

const GROUP_BADGE = { due: "badge--amber", escalated: "badge--red", assigned: "" } as const;

/**
 * The signed-in user's messages: what is due, what was escalated to them, what was assigned; coded
 * messages in the reader's language. `caseBase` is where this user's case pages live.
 */
export async function InboxPage({ actor, caseBase, basePath, cursor }: { actor: Actor; caseBase: string; basePath: string; cursor?: string }) {
  const [t, format, inbox] = await Promise.all([getTranslations("inbox"), getFormatter(), myInbox(actor, { cursor: cursor ?? null })]);
  const words = (item: InboxItem) => {
    if (!("code" in item.notice)) return { title: item.notice.title, body: item.notice.body };
    const params = displayParams(item.notice.params, formatFen);
    return { title: t(`notice.${item.notice.code}.title`, params), body: t(`notice.${item.notice.code}.body`, params) };
  };
  return (
    <>
      <h1>{t("title")}</h1>
      <div className="actions" style={{ justifyContent: "space-between", alignItems: "center", marginBottom: ".8rem" }}>
        <p className="muted" data-testid="inbox-unread" style={{ margin: 0 }}>{t("unread", { count: inbox.unread })}</p>
        {inbox.unread > 0 ? <MarkReadButton label={t("markRead")} /> : null}
      </div>
      {inbox.items.length === 0 ? <p className="notice notice--info">{t("empty")}</p> : null}
      {inbox.items.map((item) => {
        const { title, body } = words(item);
        const loanId = "code" in item.notice && item.notice.code === "loanMaturing" ? item.notice.params.loanId : undefined;
        return (
          <article key={item.id} className={`card${item.unread ? " card--unread" : ""}`} data-testid="notification" data-code={"code" in item.notice ? item.notice.code : undefined}>
            <p style={{ margin: 0 }}>
              {"code" in item.notice ? <span className={`badge ${GROUP_BADGE[item.notice.group]}`}>{t(`group.${item.notice.group}`)}</span> : null}{" "}
              {item.unread ? <span className="badge badge--green">{t("new")}</span> : null}{" "}
              <strong>{title}</strong>{" "}
              <time className="who" dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
            </p>
            <p>{body}</p>
            <div className="actions">
              {item.applicationId ? <Link href={`${caseBase}/${item.applicationId}`}>{actor.kind === "APPLICANT" ? t("viewApplication") : t("viewCase")}</Link> : null}
              {loanId && actor.kind === "APPLICANT" ? <RenewButton loanId={loanId} /> : null}
            </div>
          </article>
        );
      })}
      {inbox.nextCursor ? <p><Link href={`${basePath}?cursor=${inbox.nextCursor}`} className="btn btn--secondary">{t("more")}</Link></p> : null}
    </>
  );
}
