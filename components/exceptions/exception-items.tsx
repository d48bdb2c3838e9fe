import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { formatFen } from "@/lib/money/fen";
import type { ExceptionRow } from "@/lib/exceptions/queries";
import { ExceptionDecideForm } from "@/components/exceptions/decide-form";

const BADGE = { PENDING: "badge--amber", APPROVED: "badge--green", REFUSED: "badge--red", EXPIRED: "badge" } as const;

/** One exception: type, value, state, who asked and who decided, and the decision form when the reader may decide. */
export async function ExceptionItem({ e, withCase = false }: { e: ExceptionRow; withCase?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("exceptions"), getFormatter()]);
  const value = e.valueFen !== null ? formatFen(e.valueFen) : e.valueMonths !== null ? t("months", { n: e.valueMonths }) : e.documentKind ? t(`document.${e.documentKind}`) : null;
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  return (
    <li data-testid="exception" data-type={e.type} data-state={e.state}>
      {withCase && e.application ? (
        <p className="case-code"><Link href={`/center/cases/${e.application.id}`}>{e.application.number}</Link> · {e.application.enterprise}</p>
      ) : null}
      <strong>{t(`type.${e.type}`)}</strong>
      {value ? <> · <span data-testid="exception-value">{value}</span></> : null}{" "}
      <span className={`badge ${BADGE[e.state]}`}>{t(`state.${e.state}`)}</span>
      <br />
      <span className="field__hint">
        {t("requested", { name: e.requestedBy, at: day(e.requestedAt), expires: format.dateTime(new Date(`${e.expiresOn}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" }) })}
        {e.decidedAt && e.decidedBy ? <> · {t(e.state === "REFUSED" ? "refusedBy" : "approvedBy", { name: e.decidedBy, at: day(e.decidedAt) })}</> : null}
      </span>
      <p>{e.reason}</p>
      {e.decisionComment ? <p className="field__hint">{t("decisionComment", { comment: e.decisionComment })}</p> : null}
      {e.mayDecide ? <ExceptionDecideForm exceptionId={e.id} version={e.version} /> : null}
      {e.state === "PENDING" && !e.mayDecide ? <p className="field__hint">{t("waitsForApprover")}</p> : null}
    </li>
  );
}
