import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { CONFIG_KIND_NAMES, parseConfigFilters } from "@/lib/audit/config-changes";
import { configChangeActors, listConfigChanges } from "@/lib/audit/config-queries";
import { configActionWords, configWording } from "@/lib/audit/config-wording";
import { Field } from "@/components/ui/field";
import { FilterSelect } from "@/components/ui/filter-select";

type Search = { kind?: string; actor?: string; from?: string; to?: string; cursor?: string };

export default async function ConfigAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireSection("audit");
  const params = await searchParams;
  const parsed = parseConfigFilters(params);
  const filters = "filters" in parsed ? parsed.filters : {};
  const words = await configWording();
  const [t, calendar, format, page, people, actionWords, events] = await Promise.all([
    getTranslations("configAudit"),
    getTranslations("calendar"),
    getFormatter(),
    listConfigChanges(actor, { filters, cursor: params.cursor ?? null, words }),
    configChangeActors(actor),
    configActionWords(),
    getTranslations("events"),
  ]);
  const query = new URLSearchParams(Object.entries({ kind: filters.kind, actor: filters.actorId, from: filters.from, to: filters.to }).filter((e): e is [string, string] => Boolean(e[1])));
  const withCursor = (cursor: string) => `/audit/config?${new URLSearchParams([...query, ["cursor", cursor]])}`;
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="field__hint">{t("lead")}</p>
      <form method="get" className="form form--wide" role="search">
        <div className="grid">
          <FilterSelect id="kind" name="kind" label={t("kind")} value={filters.kind ?? ""} all={t("allKinds")}
            options={CONFIG_KIND_NAMES.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} />
          <FilterSelect id="actor" name="actor" label={t("person")} value={filters.actorId ?? ""} all={t("anyone")}
            options={people.map((p) => ({ value: p.id, label: p.name }))} />
          <Field id="from" label={t("from")} name="from" type="date" defaultValue={params.from ?? ""} aria-invalid={"error" in parsed || undefined} />
          <Field id="to" label={t("to")} name="to" type="date" defaultValue={params.to ?? ""} aria-invalid={"error" in parsed || undefined} />
        </div>
        {"error" in parsed ? <p className="notice notice--error" role="alert">{t("badDate")}</p> : null}
        <div className="actions">
          <button type="submit" className="btn btn--primary">{t("apply")}</button>
          <Link href="/audit/config" className="btn btn--link">{t("reset")}</Link>
          <a href={`/api/audit/config/export?${query}`} className="btn btn--secondary" download>{t("export")}</a>
        </div>
      </form>
      {page.rows.length === 0 ? <p>{t("none")}</p> : (
        <div className="table-wrap">
          <table className="table table--stack" data-testid="config-changes">
            <thead><tr><th>{t("at")}</th><th>{t("kind")}</th><th>{t("action")}</th><th>{t("actor")}</th><th>{t("subject")}</th><th>{t("before")}</th><th>{t("after")}</th></tr></thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} data-action={r.action}>
                  <td data-label={t("at")}>{format.dateTime(r.at, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td data-label={t("kind")}>{t(`kinds.${r.kind}`)}</td>
                  <td data-label={t("action")}>{r.kind === "calendar" ? calendar(`action.${r.action.replace("calendar.", "")}` as "action.days_added") : actionWords(r.action)}</td>
                  <td data-label={t("actor")}>{r.actorName ?? t("system")}</td>
                  <td data-label={t("subject")}>{words.value(r.subject)}</td>
                  <td data-label={t("before")}><small>{r.before || "—"}</small></td>
                  <td data-label={t("after")}>
                    <div>
                      <small>{r.after || "—"}</small>
                      {r.unreadable ? <><br /><small className="unreadable">{events("unreadable")}</small></> : null}
                      {r.movedCases !== null ? <><br /><strong><small>{t("movedCases", { n: r.movedCases })}</small></strong></> : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="actions">
        {params.cursor ? <Link href={`/audit/config?${query}`} className="btn btn--secondary btn--small">{t("first")}</Link> : null}
        {page.nextCursor ? <Link href={withCursor(page.nextCursor)} className="btn btn--secondary btn--small" rel="next">{t("next")}</Link> : null}
      </nav>
    </>
  );
}
