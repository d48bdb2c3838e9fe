import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatFen } from "@/lib/money/fen";
import type { pendingControlChanges } from "@/lib/organisations/queries";
import { ControlChangeActions } from "@/components/admin/control-change-actions";

type Change = Awaited<ReturnType<typeof pendingControlChanges>>[number];

/** Changes waiting for a second administrator: what, which controls they weaken, who proposed. */
export async function ControlChanges({ changes }: { changes: Change[] }) {
  const [t, roles, format] = await Promise.all([getTranslations("admin.controls"), getTranslations("roles"), getFormatter()]);
  return (
    <section className="card" data-testid="control-changes" style={{ margin: "1rem 0" }}>
      <h2>{t("title")}</h2>
      <p className="field__hint">{t("lead")}</p>
      {changes.length === 0 ? <p>{t("none")}</p> : (
        <div className="table-wrap">
          <table className="table table--stack">
            <thead><tr><th>{t("what")}</th><th>{t("weakens")}</th><th>{t("proposedBy")}</th><th /></tr></thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id}>
                  <td data-label={t("what")}>
                    {c.policy
                      ? t("policySummary", { from: c.policy.effectiveFrom, cap: formatFen(c.policy.maxLoanFen), term: c.policy.maxTermMonths, ratio: c.policy.subsidyRatioPercent, cooling: c.policy.coolingDays, checker: c.policy.recommendNeedsChecker ? t("checkerOn") : t("checkerOff") })
                      : t("grantSummary", { name: c.target ?? "", role: roles("PROGRAM_ADMIN") })}
                  </td>
                  <td data-label={t("weakens")}>
                    {c.weakens.length ? c.weakens.map((w) => <span key={w} className="badge badge--amber" style={{ marginRight: ".3rem" }}>{t(`control.${w}`)}</span>)
                      : c.policy ? t("weakensNone") : t("control.ADMIN_ROLE")}
                    {c.policy ? <><br /><Link href={`/admin/policy#change-${c.id}`}>{t("whatIfLink")}</Link></> : null}
                  </td>
                  <td data-label={t("proposedBy")}>{c.proposedBy}<br /><small>{format.dateTime(c.proposedAt, { dateStyle: "short", timeStyle: "short" })}</small></td>
                  <td><ControlChangeActions changeId={c.id} mine={c.mine} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
