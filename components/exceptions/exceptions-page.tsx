import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { StaffActor } from "@/lib/auth/roles";
import { listExceptions } from "@/lib/exceptions/queries";
import { exceptionFilterSchema } from "@/lib/exceptions/schemas";
import { EXCEPTION_STATES, EXCEPTION_TYPES } from "@/lib/exceptions/rules";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { ExceptionItem } from "@/components/exceptions/exception-items";
import { FilterSelect } from "@/components/ui/filter-select";

type Params = Record<string, string | string[] | undefined>;
const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function href(filters: { type?: string; state?: string }, page: number): string {
  const query = new URLSearchParams();
  if (filters.type) query.set("type", filters.type);
  if (filters.state) query.set("state", filters.state);
  if (page > 1) query.set("page", String(page));
  const text = query.toString();
  return text ? `/center/exceptions?${text}` : "/center/exceptions";
}

/** The centre's list of tailored-plan (yi qi yi ce) exceptions: filter by type and state; approvers decide pending requests here too. */
export async function ExceptionsPage({ actor, searchParams }: { actor: StaffActor; searchParams: Params }) {
  const filters = exceptionFilterSchema.parse({ type: one(searchParams.type), state: one(searchParams.state), page: one(searchParams.page) });
  const [t, found] = await Promise.all([getTranslations("exceptions"), listExceptions(actor, filters)]);
  return (
    <PageFeedback>
      <h1>{t("listTitle")}</h1>
      <p className={found.pendingCount > 0 ? "notice notice--warn" : "notice notice--info"} data-testid="pending-count">{t("pendingCount", { count: found.pendingCount })}</p>
      <form method="get" action="/center/exceptions" className="queue-filters" aria-label={t("filters")}>
        <FilterSelect id="exceptions-type" name="type" label={t("filterType")} value={filters.type ?? ""} all={t("allTypes")}
          options={EXCEPTION_TYPES.map((x) => ({ value: x, label: t(`type.${x}`) }))} />
        <FilterSelect id="exceptions-state" name="state" label={t("filterState")} value={filters.state ?? ""} all={t("allStates")}
          options={EXCEPTION_STATES.map((x) => ({ value: x, label: t(`state.${x}`) }))} />
        <div className="actions"><button type="submit" className="btn btn--secondary btn--small">{t("apply")}</button></div>
      </form>
      <PageFeedbackNotice />
      {found.rows.length === 0 ? (
        <p className="notice notice--info">{t("empty")}</p>
      ) : (
        <section className="card">
          <ul className="case-list" data-testid="exception-list">
            {found.rows.map((e) => <ExceptionItem key={e.id} e={e} withCase />)}
          </ul>
        </section>
      )}
      <nav className="actions" aria-label={t("paging")}>
        {filters.page > 1 ? <Link className="btn btn--secondary btn--small" href={href(filters, filters.page - 1)}>{t("previous")}</Link> : null}
        {found.hasMore ? <Link className="btn btn--secondary btn--small" href={href(filters, filters.page + 1)}>{t("next")}</Link> : null}
      </nav>
    </PageFeedback>
  );
}
