import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { calendarYear, calendarYears, latestCalendarChange } from "@/lib/calendar/queries";
import { AddCalendarDayForm, CalendarDayActions } from "@/components/calendar/calendar-forms";
import { CalendarImport } from "@/components/calendar/calendar-import";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { DataTable } from "@/components/ui/data-table";
import { BEIJING_TIME_ZONE, beijingNoon, beijingToday } from "@/lib/calendar/beijing";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function CalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await requireSection("admin");
  const asked = Number((await searchParams).year);
  const years = await calendarYears(actor);
  const year = years.includes(asked) ? asked : Number(beijingToday().slice(0, 4));
  const [t, format, days, latest] = await Promise.all([getTranslations("calendar"), getFormatter(), calendarYear(actor, year), latestCalendarChange(actor, year)]);
  const weekday = (day: string) => format.dateTime(beijingNoon(day), { weekday: "short", timeZone: BEIJING_TIME_ZONE });
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeZone: BEIJING_TIME_ZONE });
  return (
    <ClientMessages namespaces={["calendar.form"]}>
      <PageFeedback>
        <h1>{t("title")}</h1>
        <p className="field__hint">{t("lead")}</p>
        <nav className="actions" aria-label={t("yearNav")}>
          {years.map((y) => (
            <Link key={y} href={`/admin/calendar?year=${y}`} className={`btn btn--small ${y === year ? "btn--primary" : "btn--secondary"}`} aria-current={y === year ? "page" : undefined}>{y}</Link>
          ))}
        </nav>
        <PageFeedbackNotice />
        {latest ? (
          <section className="card" data-testid="calendar-latest" style={{ marginBottom: "1rem" }}>
            <h2>{t("latest.title")}</h2>
            <p>
              <strong>{t(`action.${latest.action.replace("calendar.", "")}` as "action.days_added")}</strong>{" · "}
              {t("latest.by", { name: latest.actorName ?? t("latest.system"), at: format.dateTime(latest.at, { dateStyle: "medium", timeStyle: "short" }) })}
            </p>
            <p data-testid="calendar-moved-count">{t("latest.moved", { n: latest.moved.length })}</p>
            {latest.moved.length ? (
              <DataTable rows={latest.moved} rowKey={(m) => `${m.applicationId}-${m.field}`} empty={null} testId="calendar-moved" columns={[
                { header: t("latest.number"), cell: (m) => m.number },
                { header: t("latest.field"), cell: (m) => t(`latest.${m.field}`) },
                { header: t("latest.from"), cell: (m) => when(m.from) },
                { header: t("latest.to"), cell: (m) => when(m.to) },
              ]} />
            ) : null}
          </section>
        ) : null}
        <h2>{t("days", { year })}</h2>
        <DataTable rows={days} rowKey={(d) => d.day} rowAttributes={(d) => ({ "data-day": d.day })} empty={t("none")} plainEmpty testId="calendar-days" stack columns={[
          { header: t("day"), cell: (d) => d.day },
          { header: t("weekday"), cell: (d) => weekday(d.day) },
          { header: t("kindLabel"), cell: (d) => <span className={`badge ${d.kind === "HOLIDAY" ? "badge--red" : "badge--green"}`}>{t(`kind.${d.kind}`)}</span> },
          { header: t("name"), cell: (d) => d.name },
          { header: "", cell: (d) => <CalendarDayActions year={year} day={d} /> },
        ]} />
        <section className="card" style={{ marginTop: "1rem" }}>
          <h2>{t("form.addTitle")}</h2>
          <AddCalendarDayForm year={year} />
        </section>
        <section className="card" style={{ marginTop: "1rem" }}>
          <h2>{t("import.title")}</h2>
          <p className="field__hint">{t("import.lead")}</p>
          <CalendarImport year={year} labels={{ file: t("import.file"), upload: t("import.upload"), template: t("import.template"), line: t("import.line"), problem: t("import.problem") }} />
        </section>
      </PageFeedback>
    </ClientMessages>
  );
}
