import { getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/money/fen";
import type { ExceptionRow } from "@/lib/exceptions/queries";
import type { CaseLimits } from "@/lib/exceptions/rules";
import { ExceptionItem } from "@/components/exceptions/exception-items";

/** The case's tailored-plan (yi qi yi ce) exceptions: what those in force change, and every request with its decision. */
export async function CaseExceptions({ found }: { found: { rows: ExceptionRow[]; effect: CaseLimits } | null }) {
  if (!found || found.rows.length === 0) return null;
  const t = await getTranslations("exceptions");
  const { effect } = found;
  const changes = [
    effect.maxLoanFen !== effect.policyMaxLoanFen ? t("effect.cap", { from: formatFen(effect.policyMaxLoanFen), to: formatFen(effect.maxLoanFen) }) : null,
    effect.maxTermMonths !== effect.policyMaxTermMonths ? t("effect.term", { from: effect.policyMaxTermMonths, to: effect.maxTermMonths }) : null,
    effect.coolingWaived ? t("effect.cooling") : null,
    ...effect.waivedDocuments.map((d) => t("effect.document", { document: t(`document.${d}`) })),
  ].filter((x): x is string => x !== null);
  return (
    <section className="card" aria-labelledby="case-exceptions" data-testid="case-exceptions">
      <h2 id="case-exceptions">{t("title")}</h2>
      {changes.length ? (
        <div className="notice notice--info" data-testid="exception-effect">
          <strong>{t("effect.title")}</strong>
          <ul>{changes.map((c) => <li key={c}>{c}</li>)}</ul>
        </div>
      ) : <p className="field__hint">{t("effect.none")}</p>}
      <ul className="case-list">
        {found.rows.map((e) => <ExceptionItem key={e.id} e={e} />)}
      </ul>
    </section>
  );
}
