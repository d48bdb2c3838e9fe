import { getTranslations } from "next-intl/server";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { requireSection } from "@/lib/auth/actor";
import { referenceLists } from "@/lib/reference/queries";
import { DEFAULT_CHECKLISTS } from "@/lib/setup/programme-defaults";
import { ChecklistForm, CreateEntryForm, EntryActions, NumberingForm } from "@/components/reference/reference-forms";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function ReferencePage() {
  const actor = await requireSection("admin");
  const [t, docs, lists, p] = await Promise.all([getTranslations("reference"), getTranslations("exceptions.document"), referenceLists(actor), getTranslations("common.punct")]);
  const documents = (DEFAULT_CHECKLISTS.NEW as readonly DocumentKind[]).map((kind) => ({ kind, label: docs(kind) }));
  const names = (kinds: DocumentKind[]) => kinds.map((k) => docs(k)).join(p("list"));
  const state = (active: boolean) => <span className={`badge ${active ? "badge--green" : "badge--red"}`}>{t(active ? "active" : "inactive")}</span>;
  // The columns every reference list has: its code, its names, whether it is offered.
  const entryColumns: Column<{ code: string; nameZh: string; nameEn: string; active: boolean }>[] = [
    { header: t("code"), cell: (e) => <code>{e.code}</code> },
    { header: t("nameZh"), cell: (e) => e.nameZh },
    { header: t("nameEn"), cell: (e) => e.nameEn },
    { header: t("state"), cell: (e) => state(e.active) },
  ];
  return (
    <ClientMessages namespaces={["reference"]}>
      <PageFeedback>
        <h1>{t("title")}</h1>
        <p className="field__hint">{t("lead")}</p>
        <PageFeedbackNotice />

        <h2>{t("categories.title")}</h2>
        <p className="field__hint">{t("categories.lead")}</p>
        <DataTable rows={lists.categories} rowKey={(c) => c.code} rowAttributes={(c) => ({ "data-code": c.code })} empty={t("categories.none")} plainEmpty
          testId="categories" stack columns={[
            ...entryColumns,
            {
              header: t("categories.checklist"),
              cell: (c) => (
                <>
                  <small><strong>{t("checklist.NEW")}{p("colon")}</strong>{names(c.checklists.NEW)}<br /><strong>{t("checklist.RENEWAL")}{p("colon")}</strong>{names(c.checklists.RENEWAL)}</small>
                  <ChecklistForm category={c} documents={documents} />
                </>
              ),
            },
            { header: "", cell: (c) => <EntryActions list="category" entry={c} /> },
          ]} />
        <section className="card" style={{ marginTop: "1rem" }}>
          <h3>{t("categories.add")}</h3>
          <CreateEntryForm list="category" documents={documents} defaults={{ NEW: [...DEFAULT_CHECKLISTS.NEW], RENEWAL: [...DEFAULT_CHECKLISTS.RENEWAL] }} />
        </section>

        <h2>{t("targetGroups.title")}</h2>
        <p className="field__hint">{t("targetGroups.lead")}</p>
        <DataTable rows={lists.targetGroups} rowKey={(g) => g.code} rowAttributes={(g) => ({ "data-code": g.code })} empty={t("targetGroups.none")} plainEmpty
          testId="target-groups" stack columns={[...entryColumns, { header: "", cell: (g) => <EntryActions list="targetGroup" entry={g} /> }]} />
        <section className="card" style={{ marginTop: "1rem" }}>
          <h3>{t("targetGroups.add")}</h3>
          <CreateEntryForm list="targetGroup" />
        </section>

        <h2>{t("numbering.title")}</h2>
        <p className="field__hint">{t("numbering.lead")}</p>
        <div className="table-wrap">
          <table className="table table--stack" data-testid="numbering">
            <thead><tr><th>{t("numbering.thing")}</th><th>{t("numbering.pattern")}</th><th>{t("numbering.next")}</th></tr></thead>
            <tbody>
              {lists.numbering.map((n) => (
                <tr key={n.thing} data-thing={n.thing}>
                  <td data-label={t("numbering.thing")}>{t(`numbering.things.${n.thing}`)}</td>
                  <td data-label={t("numbering.pattern")}><NumberingForm thing={n.thing} pattern={n.pattern} version={n.version} /></td>
                  <td data-label={t("numbering.next")}><code data-testid={`next-${n.thing}`}>{n.next}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PageFeedback>
    </ClientMessages>
  );
}
