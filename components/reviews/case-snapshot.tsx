import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { CaseForStaff } from "@/lib/reviews/queries";
import type { FactChange, FactValue, SnapshotDocument } from "@/lib/applications/snapshot";
import { formatFen } from "@/lib/money/fen";
import { formatBytes } from "@/lib/documents/dto";

type Translate = Awaited<ReturnType<typeof getTranslations<"case.snapshot">>>;
type Format = Awaited<ReturnType<typeof getFormatter>>;

const FEN_FIELDS = new Set(["annualRevenueFen", "amountFen"]);

/** One side of a change, in the reader's language: money, days, yes/no, months, a document. */
function shown(c: FactChange, side: "before" | "after", t: Translate, months: (n: number) => string, format: Format): string {
  if (c.section === "documents") {
    const d: SnapshotDocument | null = c[side];
    return d ? t("document", { name: d.fileName, version: d.version, size: formatBytes(d.sizeBytes) }) : t("noDocument");
  }
  const v: FactValue = c[side];
  if (v === null || v === "") return t("empty");
  if (typeof v === "boolean") return v ? t("yes") : t("no");
  if (FEN_FIELDS.has(c.field)) return formatFen(BigInt(v));
  if (c.field === "termMonths" && typeof v === "number") return months(v);
  if (c.field === "foundedOn" && typeof v === "string") return format.dateTime(new Date(`${v}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return String(v);
}

function label(c: FactChange, t: Translate): string {
  const name = c.section === "documents" ? t(`documentKind.${c.field}`) : t(`fields.${c.section}.${c.field}`);
  return `${t(`section.${c.section}`)} · ${name}`;
}

/** What the two columns compare: the submission and the live record, two submissions, or the earlier loan's case and this one. */
type Columns = "live" | "history" | "renewal";

async function ChangeTable({ changes, testId, columns }: { changes: FactChange[]; testId: string; columns: Columns }) {
  const [t, table, format] = await Promise.all([getTranslations("case.snapshot"), getTranslations("table"), getFormatter()]);
  const months = (n: number) => table("months", { n });
  return (
    <table className="table snapshot-diff" data-testid={testId}>
      <thead>
        <tr><th scope="col">{t("field")}</th><th scope="col">{t(`columns.${columns}.then`)}</th><th scope="col">{t(`columns.${columns}.now`)}</th></tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.section}.${c.field}`} data-field={`${c.section}.${c.field}`}>
            <th scope="row">{label(c, t)}</th>
            <td><del>{shown(c, "before", t, months, format)}</del></td>
            <td><ins>{shown(c, "after", t, months, format)}</ins></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The record the reviewers judge: which snapshot the facts below come from, what the applicant
 * changed since (then → now), the earlier submissions with what changed between them, and for a
 * renewal what changed since the earlier loan's case.
 */
export async function CaseSnapshot({ c }: { c: CaseForStaff }) {
  const [t, format] = await Promise.all([getTranslations("case.snapshot"), getFormatter()]);
  const { latest, sinceSnapshot, history, renewal } = c.snapshots;
  const at = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <section className="card" aria-labelledby="case-snapshot" data-testid="case-snapshot">
      <h2 id="case-snapshot">{t("title")}</h2>
      <p className="field__hint">
        {latest
          ? t("asOf", { sequence: latest.sequence, reason: t(`reason.${latest.reason}`), at: at(latest.takenAt) })
          : t(c.submittedAt ? "none" : "notSubmitted")}
      </p>
      {latest && sinceSnapshot.length ? (
        <div className="notice notice--warn" data-testid="changed-since-submission">
          <strong>{t("changedTitle", { n: sinceSnapshot.length })}</strong>
          <p>{t("changedHint")}</p>
          <ChangeTable changes={sinceSnapshot} testId="snapshot-diff-live" columns="live" />
        </div>
      ) : latest ? (
        <p className="notice notice--info" data-testid="unchanged-since-submission">{t("unchanged")}</p>
      ) : null}

      {history.length > 1 ? (
        <details className="case-step" data-testid="snapshot-history">
          <summary>{t("historyTitle", { n: history.length })}</summary>
          <ol className="case-list">
            {history.map((h, i) => (
              <li key={h.sequence} data-sequence={h.sequence}>
                <strong>{t("historyEntry", { sequence: h.sequence, reason: t(`reason.${h.reason}`), at: at(h.takenAt) })}</strong>
                {i === 0 ? <p className="field__hint">{t("historyFirst")}</p> : h.changes.length === 0 ? (
                  <p className="field__hint">{t("historyNoChange")}</p>
                ) : (
                  <>
                    <p className="field__hint">{t("historyChanged")}</p>
                    <ChangeTable changes={h.changes} testId={`snapshot-diff-${h.sequence}`} columns="history" />
                  </>
                )}
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      {renewal ? (
        <div data-testid="renewal-diff">
          <h3>{t("renewalTitle", { number: renewal.number })}</h3>
          {renewal.changes === null || renewal.takenAt === null ? (
            <p className="field__hint">{t("renewalNone", { number: renewal.number })}</p>
          ) : renewal.changes.length === 0 ? (
            <p className="field__hint">{t("renewalUnchanged")}</p>
          ) : (
            <>
              <p className="field__hint">{t("renewalAsOf", { at: at(renewal.takenAt) })}</p>
              <ChangeTable changes={renewal.changes} testId="snapshot-diff-renewal" columns="renewal" />
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}
