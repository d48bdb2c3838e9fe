import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/roles";
import { unreadCount } from "@/lib/notifications/inbox-queries";

/** The `inbox` words the link needs, from next-intl's translator. */
export type InboxLinkWords = (key: "link" | "linkUnread", values?: { count: number }) => string;

/** The way from a section's home to its inbox, with the number of unread messages. */
export async function InboxLink({ actor, href }: { actor: Actor; href: string }) {
  const [t, unread] = await Promise.all([getTranslations("inbox"), unreadCount(actor)]);
  return <InboxLinkView href={href} unread={unread} t={t} />;
}

/**
 * The same link for a page that has read the unread count and the words itself: a plain
 * component, so it renders within the page's own payload row instead of one of its own.
 */
export function InboxLinkView({ href, unread, t }: { href: string; unread: number; t: InboxLinkWords }) {
  return (
    <Link href={href} className="btn btn--secondary btn--small" data-testid="inbox-link">
      {unread > 0 ? t("linkUnread", { count: unread }) : t("link")}
    </Link>
  );
}
