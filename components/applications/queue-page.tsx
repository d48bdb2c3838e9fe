import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { can } from "@/lib/auth/permissions";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { caseWorkers, listQueue, QUEUE_STATUSES, type QueueFilters } from "@/lib/reviews/queries";
import { BatchAssignForm } from "@/components/applications/batch-assign-form";
import { QueueTable } from "@/components/applications/queue-table";
import { queueRow } from "@/components/applications/queue-row";
import { Field } from "@/components/ui/field";

const BATCH_ASSIGN_FORM = "batch-assign";

type Params = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** The filters in the URL (`green=1`, `overdue=1`, `mine=1`, `q=…`): links and the GET form share them. */
function filtersOf(searchParams: Params, mayAssign: boolean): QueueFilters {
  return {
    green: one(searchParams.green) === "1",
    overdue: one(searchParams.overdue) === "1",
    mine: mayAssign && one(searchParams.mine) === "1",
    q: one(searchParams.q)?.trim().slice(0, 100) || undefined,
  };
}

function queueHref(basePath: string, status: ApplicationStatus, filters: QueueFilters, cursor?: string): string {
  const query = new URLSearchParams({ status });
  if (filters.green) query.set("green", "1");
  if (filters.overdue) query.set("overdue", "1");
  if (filters.mine) query.set("mine", "1");
  if (filters.q) query.set("q", filters.q);
  if (cursor) query.set("cursor", cursor);
  return `${basePath}?${query.toString()}`;
}

/** A staff home: one tab per status the organisation works on, green channel first. */
export async function QueuePage({ actor, title, basePath, searchParams }: {
  actor: StaffActor;
  title: string;
  basePath: string;
  searchParams: Params;
}) {
  const [t, table, c, th, format] = await Promise.all([getTranslations("status"), getTranslations("table"), getTranslations("case"), getTranslations("history"), getFormatter()]);
  const tabs: readonly ApplicationStatus[] = QUEUE_STATUSES[actor.organisationType];
  const current = tabs.find((s) => s === one(searchParams.status)) ?? tabs[0]!;
  const mayAssign = can(actor, "application.assign");
  const filters = filtersOf(searchParams, mayAssign);
  const filtered = Boolean(filters.green || filters.overdue || filters.mine || filters.q);
  const page = await listQueue(actor, { status: current, cursor: one(searchParams.cursor) ?? null, filters });
  const now = new Date();
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <>
      <h1>{title}</h1>
      <nav className="actions" aria-label={table("status")} style={{ marginBottom: "1rem" }}>
        {tabs.map((s) => (
          <Link key={s} href={queueHref(basePath, s, filters)} className={`btn btn--small ${s === current ? "btn--primary" : "btn--secondary"}`}
            aria-current={s === current ? "page" : undefined}>
            {t(s)}
          </Link>
        ))}
      </nav>
      <form method="get" action={basePath} className="queue-filters" role="search" aria-label={c("filters.label")}>
        <input type="hidden" name="status" value={current} />
        <Field id="queue-q" label={c("filters.q")} frameClass="queue-filters__search" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} placeholder={c("filters.qPlaceholder")} />
        <div className="queue-filters__checks">
          <label className="checkbox"><input type="checkbox" name="green" value="1" defaultChecked={filters.green} /><span>{c("filters.green")}</span></label>
          <label className="checkbox"><input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue} /><span>{c("filters.overdue")}</span></label>
          {mayAssign ? (
            <label className="checkbox"><input type="checkbox" name="mine" value="1" defaultChecked={filters.mine} /><span>{c("filters.mine")}</span></label>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--secondary btn--small">{c("filters.apply")}</button>
          {filtered ? <Link href={queueHref(basePath, current, {})} className="btn btn--link">{c("filters.clear")}</Link> : null}
        </div>
      </form>
      <div className="actions" style={{ justifyContent: "space-between", marginBottom: ".6rem" }}>
        {mayAssign && page.rows.length ? <BatchAssignForm formId={BATCH_ASSIGN_FORM} workers={await caseWorkers(actor)} me={actor.userId} /> : <span />}
        <a className="btn btn--secondary btn--small" href={queueHref("/api/queue/export", current, filters)} download>{table("export")}</a>
        <a className="btn btn--secondary btn--small" href={`${queueHref("/api/queue/export", current, filters)}&format=xlsx`} download>{table("exportXlsx")}</a>
      </div>
      <QueueTable rows={page.rows.map((r) => queueRow(r, now, date))} hrefBase={`${basePath}/cases`} selectForm={mayAssign ? BATCH_ASSIGN_FORM : undefined}
        statusWords={Object.fromEntries([...new Set(page.rows.map((r) => r.status))].map((s) => [s, t(s)]))}
        {...(page.rows.some((r) => r.historical) ? { historical: { badge: th("badge"), title: th("badgeTitle") } } : {})} />
      {page.nextCursor ? (
        <p><Link href={queueHref(basePath, current, filters, page.nextCursor)} className="btn btn--secondary">{table("next")}</Link></p>
      ) : null}
    </>
  );
}
