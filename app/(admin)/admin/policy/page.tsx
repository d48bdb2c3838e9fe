import { getFormatter, getTranslations } from "next-intl/server";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";
import { requireSection } from "@/lib/auth/actor";
import { pendingControlChanges } from "@/lib/organisations/queries";
import { pendingPolicyWhatIfs } from "@/lib/organisations/what-if-queries";
import { formatFen } from "@/lib/money/fen";
import { ControlChangeActions } from "@/components/admin/control-change-actions";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { ClientMessages } from "@/components/layout/client-messages";

// Each policy version waiting for a second administrator, with what it would touch: the
// approving administrator reads it here before publishing it.
export default async function PolicyWhatIfPage() {
  const actor = await requireSection("admin");
  const [t, controls, status, format, pending, changes] = await Promise.all([
    getTranslations("policyWhatIf"), getTranslations("admin.controls"), getTranslations("status"), getFormatter(),
    pendingPolicyWhatIfs(actor), pendingControlChanges(actor),
  ]);
  const mine = new Map(changes.map((c) => [c.id, c.mine]));
  const day = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: BEIJING_TIME_ZONE });
  return (
    <ClientMessages namespaces={["admin.controls"]}>
      <PageFeedback>
        <h1>{t("title")}</h1>
        <p className="field__hint">{t("lead")}</p>
        <PageFeedbackNotice />
        {pending.length === 0 ? <p>{t("none")}</p> : null}
        {pending.map(({ changeId, policy, whatIf: w }) => (
          <section key={changeId} id={`change-${changeId}`} className="card" data-testid="policy-what-if" style={{ marginBottom: "1rem" }}>
            <h2>{t("proposal", { from: policy.effectiveFrom, current: w.currentVersion })}</h2>
            <p>{controls("policySummary", {
              from: policy.effectiveFrom, cap: formatFen(policy.maxLoanFen), term: policy.maxTermMonths, ratio: policy.subsidyRatioPercent,
              cooling: policy.coolingDays, checker: policy.recommendNeedsChecker ? controls("checkerOn") : controls("checkerOff"),
            })}</p>

            <h3>{t("overCap", { n: w.overCap.length })}</h3>
            {w.overCap.length ? (
              <div className="table-wrap"><table className="table" data-testid="what-if-over-cap">
                <thead><tr><th>{t("number")}</th><th>{t("status")}</th><th className="num">{t("amount")}</th><th className="num">{t("term")}</th><th>{t("why")}</th></tr></thead>
                <tbody>{w.overCap.map((c) => (
                  <tr key={c.number}><td>{c.number}</td><td>{status(c.status)}</td><td className="num">{c.amountFen === null ? "—" : formatFen(c.amountFen)}</td>
                    <td className="num">{c.termMonths ?? "—"}</td><td>{[c.amount ? t("overAmount") : null, c.term ? t("overTerm") : null].filter(Boolean).join(t("separator"))}</td></tr>
                ))}</tbody>
              </table></div>
            ) : null}

            <h3>{t("deadlines", { n: w.deadlines.length })}</h3>
            {w.deadlines.length ? (
              <div className="table-wrap"><table className="table" data-testid="what-if-deadlines">
                <thead><tr><th>{t("number")}</th><th>{t("status")}</th><th>{t("dueNow")}</th><th>{t("dueProposed")}</th></tr></thead>
                <tbody>{w.deadlines.map((d) => <tr key={d.number}><td>{d.number}</td><td>{status(d.status)}</td><td>{day(d.from)}</td><td>{day(d.to)}</td></tr>)}</tbody>
              </table></div>
            ) : null}

            <h3>{t("cooling", { n: w.cooling.length })}</h3>
            {w.cooling.length ? (
              <div className="table-wrap"><table className="table" data-testid="what-if-cooling">
                <thead><tr><th>{t("rejected")}</th><th>{t("coolingNow")}</th><th>{t("coolingProposed")}</th><th>{t("onEffectiveDay")}</th></tr></thead>
                <tbody>{w.cooling.map((c) => (
                  <tr key={c.number}><td>{c.number}</td><td>{day(c.coolingUntil)}</td><td>{day(c.proposedUntil)}</td><td>{c.blocked ? t("blocked") : t("released")}</td></tr>
                ))}</tbody>
              </table></div>
            ) : null}

            <h3>{t("subsidy")}</h3>
            <p data-testid="what-if-loans">{t("activeLoans", { n: w.activeLoans })}</p>
            <div className="table-wrap"><table className="table" data-testid="what-if-subsidy">
              <thead><tr><th>{t("quarter")}</th><th className="num">{t("current")}</th><th className="num">{t("proposed")}</th><th className="num">{t("delta")}</th></tr></thead>
              <tbody>
                {w.subsidy.quarters.map((q) => (
                  <tr key={q.quarter}><td>{q.quarter}</td><td className="num">{formatFen(q.currentFen)}</td><td className="num">{formatFen(q.proposedFen)}</td><td className="num">{formatFen(q.proposedFen - q.currentFen)}</td></tr>
                ))}
                <tr><th>{t("total")}</th><th className="num">{formatFen(w.subsidy.currentFen)}</th><th className="num">{formatFen(w.subsidy.proposedFen)}</th><th className="num">{formatFen(w.subsidy.deltaFen)}</th></tr>
              </tbody>
            </table></div>
            <p className="field__hint">{t("subsidyHow")}</p>
            <ControlChangeActions changeId={changeId} mine={mine.get(changeId) ?? false} />
          </section>
        ))}
      </PageFeedback>
    </ClientMessages>
  );
}
