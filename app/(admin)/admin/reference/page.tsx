import { getTranslations } from "next-intl/server";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { requireSection } from "@/lib/auth/actor";
import { referenceLists } from "@/lib/reference/queries";
import { DEFAULT_CHECKLISTS } from "@/lib/setup/programme-defaults";
import { ChecklistForm, CreateEntryForm, EntryActions, NumberingForm } from "@/components/reference/reference-forms";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";

export default async function ReferencePage() {
  const actor = await requireSection("admin");
  const [t, docs, lists] = await Promise.all([getTranslations("reference"), getTranslations("exceptions.document"), referenceLists(actor)]);
  const documents = (DEFAULT_CHECKLISTS.NEW as readonly DocumentKind[]).map((kind) => ({ kind, label: docs(kind) }));
  const names = (kinds: DocumentKind[]) => kinds.map((k) => docs(k)).join("、");
  const state = (active: boolean) => <span className={`badge ${active ? "badge--green" : "badge--red"}`}>{t(active ? "active" : "inactive")}</span>;
  return (
    <PageFeedback>
      <h1>{t("title")}</h1>
      <p className="field__hint">{t("lead")}</p>
      <PageFeedbackNotice />

      <h2>{t("categories.title")}</h2>
      <p className="field__hint">{t("categories.lead")}</p>
      {lists.categories.length === 0 ? <p>{t("categories.none")}</p> : (
        <div className="table-wrap">
          <table className="table table--stack" data-testid="categories">
            <thead><tr><th>{t("code")}</th><th>{t("nameZh")}</th><th>{t("nameEn")}</th><th>{t("state")}</th><th>{t("categories.checklist")}</th><th /></tr></thead>
            <tbody>
              {lists.categories.map((c) => (
                <tr key={c.code} data-code={c.code}>
                  <td data-label={t("code")}><code>{c.code}</code></td>
                  <td data-label={t("nameZh")}>{c.nameZh}</td>
                  <td data-label={t("nameEn")}>{c.nameEn}</td>
                  <td data-label={t("state")}>{state(c.active)}</td>
                  <td data-label={t("categories.checklist")}>
                    <small><strong>{t("checklist.NEW")}：</strong>{names(c.checklists.NEW)}<br /><strong>{t("checklist.RENEWAL")}：</strong>{names(c.checklists.RENEWAL)}</small>
                    <ChecklistForm category={c} documents={documents} />
                  </td>
                  <td><EntryActions list="category" entry={c} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" style={{ marginTop: "1rem" }}>
        <h3>{t("categories.add")}</h3>
        <CreateEntryForm list="category" documents={documents} defaults={{ NEW: [...DEFAULT_CHECKLISTS.NEW], RENEWAL: [...DEFAULT_CHECKLISTS.RENEWAL] }} />
      </section>

      <h2>{t("targetGroups.title")}</h2>
      <p className="field__hint">{t("targetGroups.lead")}</p>
      {lists.targetGroups.length === 0 ? <p>{t("targetGroups.none")}</p> : (
        <div className="table-wrap">
          <table className="table table--stack" data-testid="target-groups">
            <thead><tr><th>{t("code")}</th><th>{t("nameZh")}</th><th>{t("nameEn")}</th><th>{t("state")}</th><th /></tr></thead>
            <tbody>
              {lists.targetGroups.map((g) => (
                <tr key={g.code} data-code={g.code}>
                  <td data-label={t("code")}><code>{g.code}</code></td>
                  <td data-label={t("nameZh")}>{g.nameZh}</td>
                  <td data-label={t("nameEn")}>{g.nameEn}</td>
                  <td data-label={t("state")}>{state(g.active)}</td>
                  <td><EntryActions list="targetGroup" entry={g} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
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
  );
}
