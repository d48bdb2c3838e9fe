import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { listQueue, QUEUE_STATUSES } from "@/lib/reviews/queries";
import { ApplicationTable } from "@/components/applications/application-table";

/** A staff home: one tab per status the organisation works on, green channel first. */
export async function QueuePage({ actor, title, basePath, searchParams }: {
  actor: StaffActor;
  title: string;
  basePath: string;
  searchParams: { status?: string; cursor?: string };
}) {
  const [t, status, table] = await Promise.all([getTranslations("status"), Promise.resolve(searchParams.status), getTranslations("table")]);
  const tabs: readonly ApplicationStatus[] = QUEUE_STATUSES[actor.organisationType];
  const current = tabs.find((s) => s === status) ?? tabs[0]!;
  const page = await listQueue(actor, { status: current, cursor: searchParams.cursor ?? null });
  return (
    <>
      <h1>{title}</h1>
      <nav className="actions" aria-label={table("status")} style={{ marginBottom: "1rem" }}>
        {tabs.map((s) => (
          <Link key={s} href={`${basePath}?status=${s}`} className={`btn btn--small ${s === current ? "btn--primary" : "btn--secondary"}`}
            aria-current={s === current ? "page" : undefined}>
            {t(s)}
          </Link>
        ))}
      </nav>
      <ApplicationTable rows={page.rows} hrefBase={`${basePath}/cases`} now={new Date()} />
      {page.nextCursor ? (
        <p><Link href={`${basePath}?status=${current}&cursor=${page.nextCursor}`} className="btn btn--secondary">{table("next")}</Link></p>
      ) : null}
    </>
  );
}
