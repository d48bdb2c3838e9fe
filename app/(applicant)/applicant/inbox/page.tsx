import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { myNotifications } from "@/lib/notifications/queries";

export default async function InboxPage() {
  const actor = await requireSection("applicant");
  const [t, format, items] = await Promise.all([getTranslations("applicant.inbox"), getFormatter(), myNotifications(actor)]);
  return (
    <>
      <h1>{t("title")}</h1>
      {items.length === 0 ? <p className="notice notice--info">{t("empty")}</p> : null}
      {items.map((n) => (
        <article key={n.id} className="card" data-testid="notification">
          <strong>{n.title}</strong> <time className="who">{format.dateTime(n.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
          <p>{n.body}</p>
          {n.applicationId ? <Link href={`/applicant/applications/${n.applicationId}`}>{t("view")}</Link> : null}
        </article>
      ))}
    </>
  );
}
