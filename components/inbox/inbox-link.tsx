import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/roles";
import { unreadCount } from "@/lib/notifications/inbox-queries";

/** The way from a section's home to its inbox, with the number of unread messages. */
export async function InboxLink({ actor, href }: { actor: Actor; href: string }) {
  const [t, unread] = await Promise.all([getTranslations("inbox"), unreadCount(actor)]);
  return (
    <Link href={href} className="btn btn--secondary btn--small" data-testid="inbox-link">
      {unread > 0 ? t("linkUnread", { count: unread }) : t("link")}
    </Link>
  );
}
